//! The person's details that an application form asks for and the eligibility rules do not: names,
//! addresses, contacts, the organisation chosen. They fill the forms of the application bundle.
//!
//! **Kept as typed.** Every detail is optional and held as the raw text the person typed (like the
//! app's answers): [`Details::set`] never refuses a value of a known field, [`Details::validate`]
//! names each one that does not fit (an IIN/BIN check digit, an e-mail, a Kazakhstan phone number, a
//! count, an option), and a form leaves a blank line for a missing one, to fill by hand.
//!
//! **The forms.** [`FORMS`] lists every form the bundle fills, each under the provision that asks
//! for it: Appendices 2 and 3 of Order ҚР ДСМ-59/2020 print their forms (`official`: the bundle
//! follows their layout and wording); the others are laid out from the fields the sources name and
//! marked as prepared by the applicant. [`FIELDS`] lists every field once, in the order a form asks
//! for it, with the page ([`Section`]) of the details step it belongs to. [`forms_for`] picks the
//! forms of one service from the answers; [`fields_for`] leaves out what the answers already know.
//!
//! **Privacy.** Details never go into a URL, the history, cookies or storage: only into a saved
//! answers file (the top-level `"details"` object) and the bundle.

use crate::answers::licence::{LicenceAction, LicenceApplicant};
use crate::data::*;
use crate::ids::IdError;
use crate::report::Service;
use crate::Answers;
use serde::ser::{Serialize, SerializeMap, Serializer};
use std::collections::BTreeMap;

/// The kind of value a detail takes (for the input and its check).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Text,
    /// An individual identification number (12 digits, check digit).
    Iin,
    /// A business identification number (12 digits, check digit).
    Bin,
    Email,
    /// A Kazakhstan phone number: `+7` or `8` and ten digits.
    Phone,
    /// A whole number of things (sheets attached).
    Count,
    /// One of the listed options (text keys `details.option.<path>.<option>`).
    Choice(&'static [&'static str]),
}

/// A page of the details step: the fields that go together on a form.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Section {
    /// The person applying: name, IIN, address, contacts, passport.
    Applicant,
    /// A legal entity applying for the licence.
    Entity,
    /// What the licence application asks besides the applicant.
    Licence,
    /// The PHC organisation chosen.
    Phc,
    /// The dwelling and its owner.
    Registration,
    /// The stay asked for with a temporary residence permit.
    Trp,
}

impl Section {
    pub const ALL: [Section; 6] =
        [Section::Applicant, Section::Entity, Section::Licence, Section::Phc, Section::Registration, Section::Trp];

    /// The code: text keys `details.section.<code>`.
    pub fn code(self) -> &'static str {
        match self {
            Section::Applicant => "applicant",
            Section::Entity => "entity",
            Section::Licence => "licence",
            Section::Phc => "phc",
            Section::Registration => "registration",
            Section::Trp => "trp",
        }
    }
}

/// One detail: its path (`applicant.full_name`; text keys `details.field.<path>` and
/// `details.hint.<path>`), its kind and its page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Field {
    pub path: &'static str,
    pub kind: Kind,
    pub section: Section,
}

impl Field {
    /// The forms that ask for this field.
    pub fn forms(&self) -> impl Iterator<Item = &'static Form> + '_ {
        FORMS.iter().filter(move |f| f.fields.contains(&self.path))
    }
}

const fn f(path: &'static str, kind: Kind, section: Section) -> Field {
    Field { path, kind, section }
}

/// Options of the paper-copy mark of Appendices 2 and 3.
pub const YES_NO: &[&str] = &["yes", "no"];

/// Every detail, in the order the forms ask for them.
pub const FIELDS: &[Field] = &[
    f("licence.licensor", Kind::Text, Section::Licence),
    f("applicant.full_name", Kind::Text, Section::Applicant),
    f("applicant.iin", Kind::Iin, Section::Applicant),
    f("entity.name", Kind::Text, Section::Entity),
    f("entity.location", Kind::Text, Section::Entity),
    f("entity.bin", Kind::Bin, Section::Entity),
    f("licence.activity", Kind::Text, Section::Licence),
    f("licence.paper_copy", Kind::Choice(YES_NO), Section::Licence),
    f("licence.licence_number", Kind::Text, Section::Licence),
    f("licence.licence_date", Kind::Text, Section::Licence),
    f("applicant.passport_name", Kind::Text, Section::Applicant),
    f("applicant.passport_number", Kind::Text, Section::Applicant),
    f("applicant.nationality", Kind::Text, Section::Applicant),
    f("applicant.address", Kind::Text, Section::Applicant),
    f("entity.address", Kind::Text, Section::Entity),
    f("applicant.email", Kind::Email, Section::Applicant),
    f("applicant.phone", Kind::Phone, Section::Applicant),
    f("licence.fax", Kind::Text, Section::Licence),
    f("licence.bank_account", Kind::Text, Section::Licence),
    f("licence.object_address", Kind::Text, Section::Licence),
    f("licence.sheets_attached", Kind::Count, Section::Licence),
    f("entity.head_name", Kind::Text, Section::Entity),
    f("phc.organisation", Kind::Text, Section::Phc),
    f("registration.owner_name", Kind::Text, Section::Registration),
    f("registration.owner_iin", Kind::Iin, Section::Registration),
    f("registration.region", Kind::Text, Section::Registration),
    f("registration.address", Kind::Text, Section::Registration),
    f("registration.period", Kind::Text, Section::Registration),
    f("trp.host", Kind::Text, Section::Trp),
    f("trp.address", Kind::Text, Section::Trp),
    f("trp.period", Kind::Text, Section::Trp),
];

/// The field at `path`, if there is one.
pub fn field(path: &str) -> Option<&'static Field> {
    FIELDS.iter().find(|f| f.path == path)
}

/// A form the bundle fills: its code (text keys `details.form.<code>`), service, the provision that
/// asks for it, whether the source prints it, and its fields in the order it asks for them.
#[derive(Debug)]
pub struct Form {
    pub code: &'static str,
    pub service: Service,
    pub citation: &'static Provision,
    /// The source prints the form: the bundle follows its layout and wording. Otherwise the form is
    /// laid out from the fields the sources name, as prepared by the applicant.
    pub official: bool,
    pub fields: &'static [&'static str],
}

/// Appendix 2 and Appendix 3 of Order ҚР ДСМ-59/2020: the application for a licence and (or) an
/// annex, by an individual and by a legal entity (fields in the order the printed form asks them).
const LICENCE_INDIVIDUAL: &[&str] = &[
    "licence.licensor",
    "applicant.full_name",
    "applicant.iin",
    "licence.activity",
    "licence.paper_copy",
    "applicant.address",
    "applicant.email",
    "applicant.phone",
    "licence.fax",
    "licence.bank_account",
    "licence.object_address",
    "licence.sheets_attached",
];
const LICENCE_ENTITY: &[&str] = &[
    "licence.licensor",
    "entity.name",
    "entity.location",
    "entity.bin",
    "licence.activity",
    "licence.paper_copy",
    "entity.address",
    "applicant.email",
    "applicant.phone",
    "licence.fax",
    "licence.bank_account",
    "licence.object_address",
    "licence.sheets_attached",
    "entity.head_name",
];
/// Appendices 4 and 5 (the duplicate) are named by the List but not printed in the source.
const DUPLICATE_INDIVIDUAL: &[&str] = &[
    "licence.licensor",
    "applicant.full_name",
    "applicant.iin",
    "licence.licence_number",
    "licence.licence_date",
    "applicant.address",
    "applicant.email",
    "applicant.phone",
];
const DUPLICATE_ENTITY: &[&str] = &[
    "licence.licensor",
    "entity.name",
    "entity.bin",
    "licence.licence_number",
    "licence.licence_date",
    "entity.address",
    "applicant.email",
    "applicant.phone",
    "entity.head_name",
];

/// Every form, by service.
pub static FORMS: [Form; 8] = [
    // 59-list-i8-s1-a2: "an application in the form in accordance with Appendix 2 (for individuals)
    // and Appendix 3 (for legal entities)"; re-issue: 59-list-i8-s2-a2, the same forms.
    Form {
        code: "licence_appendix_2",
        service: Service::MedicalLicence,
        citation: &P_59_LIST_I8_S1_A2,
        official: true,
        fields: LICENCE_INDIVIDUAL,
    },
    Form {
        code: "licence_appendix_3",
        service: Service::MedicalLicence,
        citation: &P_59_LIST_I8_S1_A2,
        official: true,
        fields: LICENCE_ENTITY,
    },
    // 59-list-i8-s3: a duplicate, "an application in the form in accordance with Appendix 4 (for
    // individuals) and Appendix 5 (for legal entities)" — forms not printed in the source.
    Form {
        code: "licence_appendix_4",
        service: Service::MedicalLicence,
        citation: &P_59_LIST_I8_S3,
        official: false,
        fields: DUPLICATE_INDIVIDUAL,
    },
    Form {
        code: "licence_appendix_5",
        service: Service::MedicalLicence,
        citation: &P_59_LIST_I8_S3,
        official: false,
        fields: DUPLICATE_ENTITY,
    },
    // 194-page-online-2: "Fill in an application and sign it"; the application to the head of the
    // chosen organisation (its reason comes from the answers).
    Form {
        code: "phc_application",
        service: Service::Phc,
        citation: &P_194_PAGE_ONLINE_2,
        official: false,
        fields: &["phc.organisation", "applicant.full_name", "applicant.iin", "applicant.address", "applicant.phone"],
    },
    // 677-p7-s2.1: the owner's written consent to the registration (the kind and period from the
    // answers and the details).
    Form {
        code: "registration_consent",
        service: Service::Registration,
        citation: &P_677_P7_S2_1,
        official: false,
        fields: &[
            "registration.owner_name",
            "registration.owner_iin",
            "applicant.full_name",
            "applicant.iin",
            "registration.address",
            "registration.period",
        ],
    },
    // 677-p4-a1: registration with the owner's consent given electronically with an EDS: what the
    // online flow asks.
    Form {
        code: "registration_online",
        service: Service::Registration,
        citation: &P_677_P4_A1,
        official: false,
        fields: &[
            "applicant.full_name",
            "applicant.iin",
            "registration.period",
            "registration.region",
            "registration.address",
            "registration.owner_iin",
        ],
    },
    // trp-gov-docs-1: "Application-questionnaire (заявление-анкета) for a TRP".
    Form {
        code: "trp_questionnaire",
        service: Service::Trp,
        citation: &P_TRP_GOV_DOCS_1,
        official: false,
        fields: &[
            "applicant.passport_name",
            "applicant.passport_number",
            "applicant.nationality",
            "applicant.iin",
            "trp.host",
            "trp.address",
            "trp.period",
            "applicant.phone",
            "applicant.email",
        ],
    },
];

/// The form with `code`.
pub fn form(code: &str) -> Option<&'static Form> {
    FORMS.iter().find(|f| f.code == code)
}

/// The forms of `service` given the answers: the licence's Appendix 2 (individual) or 3 (legal
/// entity) to issue or re-issue (issue is assumed when the action is not answered), 4 or 5 for a
/// duplicate; the PHC application; registration's owner's consent (not when the person is the owner,
/// 677-p7-a2) and the online flow's data; the TRP questionnaire.
pub fn forms_for(service: Service, a: &Answers) -> Vec<&'static Form> {
    let entity = a.licence.applicant == Some(LicenceApplicant::LegalEntity);
    let codes: &[&str] = match service {
        Service::MedicalLicence => match (a.licence.action, entity) {
            (Some(LicenceAction::Duplicate), false) => &["licence_appendix_4"],
            (Some(LicenceAction::Duplicate), true) => &["licence_appendix_5"],
            (_, false) => &["licence_appendix_2"],
            (_, true) => &["licence_appendix_3"],
        },
        Service::Phc => &["phc_application"],
        // 677-p7-a2: the owner registered in his or her own dwelling submits no consent.
        Service::Registration if a.registration.applicant_is_owner == Some(true) => &["registration_online"],
        Service::Registration => &["registration_consent", "registration_online"],
        Service::Trp => &["trp_questionnaire"],
    };
    codes.iter().filter_map(|c| form(c)).collect()
}

/// Whether the answers already hold what the field asks (then the form takes it from the answers).
pub fn known_from_answers(path: &str, a: &Answers) -> bool {
    match path {
        "applicant.iin" => a.person.iin.is_some(),
        "entity.bin" => a.licence.bin.is_some(),
        "applicant.nationality" => a.person.citizenship.is_some(),
        _ => false,
    }
}

/// The fields the details step asks for `service`: those of its forms, once each, in [`FIELDS`]
/// order, without what the answers already know.
pub fn fields_for(service: Service, a: &Answers) -> Vec<&'static Field> {
    let forms = forms_for(service, a);
    FIELDS.iter().filter(|f| forms.iter().any(|form| form.fields.contains(&f.path)) && !known_from_answers(f.path, a)).collect()
}

/// The pages of the details step for `service`, in order.
pub fn sections_for(service: Service, a: &Answers) -> Vec<Section> {
    let fields = fields_for(service, a);
    Section::ALL.into_iter().filter(|s| fields.iter().any(|f| f.section == *s)).collect()
}

/// The person's details: raw text by field path, as typed. Unknown paths are never held.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Details {
    raw: BTreeMap<&'static str, String>,
}

/// Why a detail cannot be set.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct UnknownField;

/// What is wrong with a detail as typed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DetailErrorKind {
    Id(IdError),
    Email,
    Phone,
    Count,
    UnknownOption,
}

/// A detail that does not fit its field, naming the field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DetailError {
    pub field: &'static str,
    pub kind: DetailErrorKind,
}

impl DetailError {
    /// The text key of the message.
    pub fn text_key(&self) -> String {
        match self.kind {
            DetailErrorKind::Id(error) => crate::answers::InputErrorKind::Id { error }.text_key().0,
            DetailErrorKind::Email => "details.error.email".into(),
            DetailErrorKind::Phone => "details.error.phone".into(),
            DetailErrorKind::Count => "details.error.count".into(),
            DetailErrorKind::UnknownOption => "details.error.option".into(),
        }
    }

    /// "Phone number: …" in `lang`: the field's label, then what is wrong.
    pub fn message(&self, lang: crate::Lang) -> String {
        let label_key = format!("details.field.{}", self.field);
        let label = crate::text::word(&label_key, lang);
        format!("{label}: {}", crate::text::word(&self.text_key(), lang))
    }
}

impl Details {
    /// Sets the detail at `path` to `raw` as typed; an empty or blank value clears it.
    pub fn set(&mut self, path: &str, raw: &str) -> Result<(), UnknownField> {
        let f = field(path).ok_or(UnknownField)?;
        if raw.trim().is_empty() {
            self.raw.remove(f.path);
        } else {
            self.raw.insert(f.path, raw.to_string());
        }
        Ok(())
    }

    /// The detail at `path` as typed, if given.
    pub fn get(&self, path: &str) -> Option<&str> {
        self.raw.get(path).map(String::as_str)
    }

    /// Every detail given, by path.
    pub fn iter(&self) -> impl Iterator<Item = (&'static str, &str)> {
        self.raw.iter().map(|(k, v)| (*k, v.as_str()))
    }

    pub fn is_empty(&self) -> bool {
        self.raw.is_empty()
    }

    /// Every detail that does not fit its field, in [`FIELDS`] order. A missing one is no error.
    pub fn validate(&self) -> Vec<DetailError> {
        FIELDS
            .iter()
            .filter_map(|f| {
                let raw = self.get(f.path)?;
                check(f.kind, raw).err().map(|kind| DetailError { field: f.path, kind })
            })
            .collect()
    }
}

/// Checks one raw value against its kind.
pub fn check(kind: Kind, raw: &str) -> Result<(), DetailErrorKind> {
    let t = raw.trim();
    match kind {
        Kind::Text => Ok(()),
        Kind::Iin | Kind::Bin => crate::ids::validate(&digits_only(t)).map_err(DetailErrorKind::Id),
        Kind::Email => is_email(t).then_some(()).ok_or(DetailErrorKind::Email),
        Kind::Phone => is_kz_phone(t).then_some(()).ok_or(DetailErrorKind::Phone),
        Kind::Count => t.parse::<u32>().map(|_| ()).map_err(|_| DetailErrorKind::Count),
        Kind::Choice(opts) => opts.contains(&t).then_some(()).ok_or(DetailErrorKind::UnknownOption),
    }
}

/// An IIN as people write it, "900101 300 123": the spaces dropped.
fn digits_only(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// One `@`, something before it, a domain with a dot after it, no spaces.
fn is_email(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else { return false };
    !local.is_empty()
        && !domain.contains('@')
        && !s.chars().any(char::is_whitespace)
        && domain.split('.').count() >= 2
        && domain.split('.').all(|p| !p.is_empty())
}

/// A Kazakhstan number: `+7` or `8`, then ten digits; spaces, dashes, dots and brackets allowed.
fn is_kz_phone(s: &str) -> bool {
    if !s.chars().all(|c| c.is_ascii_digit() || " -().+".contains(c)) || s.matches('+').count() > usize::from(s.starts_with('+')) {
        return false;
    }
    let digits: String = s.chars().filter(char::is_ascii_digit).collect();
    let rest = if s.starts_with("+7") {
        digits.strip_prefix('7')
    } else if s.starts_with('8') {
        digits.strip_prefix('8')
    } else {
        None
    };
    rest.is_some_and(|r| r.len() == 10)
}

/// In an answers file: `"details": {"applicant": {"full_name": "…"}, …}`.
impl Serialize for Details {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut groups: BTreeMap<&str, BTreeMap<&str, &str>> = BTreeMap::new();
        for (path, raw) in &self.raw {
            let (group, name) = path.split_once('.').unwrap_or(("", path));
            groups.entry(group).or_default().insert(name, raw);
        }
        let mut m = s.serialize_map(Some(groups.len()))?;
        for (g, fields) in &groups {
            m.serialize_entry(g, fields)?;
        }
        m.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answers::licence::LicenceAnswers;
    use crate::answers::registration::RegistrationKind;

    #[test]
    fn set_keeps_the_value_as_typed_and_refuses_only_unknown_fields() {
        let mut d = Details::default();
        assert_eq!(d.set("applicant.full_name", "Әлібек Құрманов"), Ok(()));
        assert_eq!(d.set("applicant.phone", "not a phone"), Ok(()));
        assert_eq!(d.get("applicant.phone"), Some("not a phone"));
        assert_eq!(d.set("applicant.shoe_size", "42"), Err(UnknownField));
        assert_eq!(d.set("applicant.phone", "  "), Ok(()));
        assert_eq!(d.get("applicant.phone"), None, "a blank value clears the field");
        assert_eq!(d.iter().count(), 1);
    }

    #[test]
    fn validate_names_each_bad_field() {
        let mut d = Details::default();
        for (p, v) in [
            ("applicant.iin", "900101300123"),
            ("entity.bin", "940140000385"),
            ("applicant.email", "a@b"),
            ("applicant.phone", "+7 701 123 45 67"),
            ("licence.sheets_attached", "three"),
            ("licence.paper_copy", "maybe"),
            ("registration.owner_iin", "9401 4000 0385"),
        ] {
            d.set(p, v).unwrap();
        }
        let errors = d.validate();
        let got: Vec<_> = errors.iter().map(|e| (e.field, e.kind)).collect();
        assert_eq!(
            got,
            vec![
                ("applicant.iin", DetailErrorKind::Id(IdError::WrongCheckDigit)),
                ("licence.paper_copy", DetailErrorKind::UnknownOption),
                ("applicant.email", DetailErrorKind::Email),
                ("licence.sheets_attached", DetailErrorKind::Count),
            ]
        );
        let m = errors[2].message(crate::Lang::En);
        assert!(m.starts_with("E-mail: ") && m.len() > 10, "{m}");
    }

    #[test]
    fn phone_and_email_formats() {
        for ok in ["+7 701 123 45 67", "8 (727) 250-00-00", "+77011234567", "87011234567"] {
            assert!(is_kz_phone(ok), "{ok}");
        }
        for bad in ["+1 701 123 45 67", "7011234567", "8 701 123 45", "+7 701 123 45 67 8", "+7 701+1234567", "8-701-ABC"] {
            assert!(!is_kz_phone(bad), "{bad}");
        }
        for ok in ["a@b.kz", "aigerim.n@mail.ru"] {
            assert!(is_email(ok), "{ok}");
        }
        for bad in ["a@b", "@b.kz", "a b@c.kz", "a@b..kz", "a@@b.kz", "a.b.kz"] {
            assert!(!is_email(bad), "{bad}");
        }
    }

    #[test]
    fn the_licence_form_follows_who_applies_and_what_is_asked() {
        let mut a = Answers::default();
        let codes = |a: &Answers| forms_for(Service::MedicalLicence, a).iter().map(|f| f.code).collect::<Vec<_>>();
        assert_eq!(codes(&a), vec!["licence_appendix_2"]);
        a.licence = LicenceAnswers { applicant: Some(LicenceApplicant::LegalEntity), ..Default::default() };
        assert_eq!(codes(&a), vec!["licence_appendix_3"]);
        a.licence.action = Some(LicenceAction::Duplicate);
        assert_eq!(codes(&a), vec!["licence_appendix_5"]);
        a.licence.applicant = Some(LicenceApplicant::Individual);
        assert_eq!(codes(&a), vec!["licence_appendix_4"]);
        assert!(form("licence_appendix_2").is_some_and(|f| f.official) && form("licence_appendix_4").is_some_and(|f| !f.official));
    }

    #[test]
    fn what_the_answers_know_is_not_asked_again() {
        let mut a = Answers::default();
        let paths = |a: &Answers, s| fields_for(s, a).iter().map(|f| f.path).collect::<Vec<_>>();
        assert!(paths(&a, Service::Phc).contains(&"applicant.iin"));
        a.person.iin = Some("900101300125".into());
        assert!(!paths(&a, Service::Phc).contains(&"applicant.iin"));
        a.licence.applicant = Some(LicenceApplicant::LegalEntity);
        assert!(paths(&a, Service::MedicalLicence).contains(&"entity.bin"));
        a.licence.bin = Some("940140000385".into());
        assert!(!paths(&a, Service::MedicalLicence).contains(&"entity.bin"));
        assert_eq!(sections_for(Service::MedicalLicence, &a), vec![Section::Applicant, Section::Entity, Section::Licence]);
        assert_eq!(paths(&a, Service::Phc), vec!["applicant.full_name", "applicant.address", "applicant.phone", "phc.organisation"]);
    }

    #[test]
    fn registration_asks_the_owners_consent_unless_the_person_owns_the_dwelling() {
        let mut a = Answers::default();
        let codes = |a: &Answers| forms_for(Service::Registration, a).iter().map(|f| f.code).collect::<Vec<_>>();
        assert_eq!(codes(&a), vec!["registration_consent", "registration_online"]);
        a.registration.applicant_is_owner = Some(true);
        a.registration.kind = Some(RegistrationKind::Permanent);
        assert_eq!(codes(&a), vec!["registration_online"]);
        assert!(!paths_of(&a).contains(&"registration.owner_name"));
    }

    fn paths_of(a: &Answers) -> Vec<&'static str> {
        fields_for(Service::Registration, a).iter().map(|f| f.path).collect()
    }

    #[test]
    fn every_form_field_is_a_field_and_every_field_is_on_a_form() {
        for form in &FORMS {
            for p in form.fields {
                assert!(field(p).is_some(), "{}: {p}", form.code);
            }
        }
        for f in FIELDS {
            assert!(f.forms().next().is_some(), "{} is on no form", f.path);
        }
    }

    #[test]
    fn details_serialise_as_one_object_per_group() {
        let mut d = Details::default();
        d.set("applicant.full_name", "Айгүл").unwrap();
        d.set("registration.owner_iin", "940140000385").unwrap();
        let v = serde_json::to_value(&d).unwrap();
        assert_eq!(v, serde_json::json!({"applicant": {"full_name": "Айгүл"}, "registration": {"owner_iin": "940140000385"}}));
    }
}
