//! (to be written)
use crate::report::{Outcome, Service};
use crate::{Answers, Context};
pub fn evaluate(_a: &Answers, ctx: &Context) -> Outcome {
    Outcome::new(Service::MedicalLicence, "issue").finish(ctx.as_of, &[])
}
