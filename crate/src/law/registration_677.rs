//! (to be written)
use crate::report::{Outcome, Service};
use crate::{Answers, Context};
pub fn evaluate(_a: &Answers, ctx: &Context) -> Outcome {
    Outcome::new(Service::Registration, "permanent").finish(ctx.as_of, &[])
}
