/** A day as "YYYY-MM-DD". */
export type DateString = string;
/** A time of day as "HH:MM:SS". */
export type TimeString = string;
/** The time of an application as far as it is known: the time itself, or only whether it was within the provider's working hours. */
export type TimeOfDay = { at: TimeString } | "within_hours" | "after_hours";
export type Lang = "kk" | "ru" | "en";
export type ServiceCode = "phc" | "medical_licence" | "trp" | "registration";

/**
 * The options of `evaluate`, `validate` and `questions`. `asOf`: the day whose rules apply
 * ("YYYY-MM-DD" or a `Date`, its day in UTC); by default the answers' `application.date`, else today
 * in Kazakhstan (UTC+5). `lang`: the language of messages and questions, `kk` by default.
 */
export interface Options {
  asOf?: DateString | Date;
  lang?: Lang;
  /** `evaluate` only: return the `CompactReport` (each citation by its id) instead of the `Report`. */
  compact?: boolean;
}

/**
 * An answers object: the shape of an answers file (`schema()` gives its JSON Schema; `examples/` in
 * the repository has one per service). A JSON text of it is accepted too.
 */
export interface Answers {
  services?: ServiceCode[];
  person?: Record<string, unknown>;
  application?: { channel?: Channel; date?: DateString; time?: string; within_hours?: boolean };
  phc?: Record<string, unknown>;
  licence?: Record<string, unknown>;
  trp?: Record<string, unknown>;
  registration?: Record<string, unknown>;
}

/**
 * What every function throws on bad input: an `Error` whose message is in the language asked for
 * (the words `tekser check` uses), with the field it is on: an answer's path (`person.iin`,
 * `phc.categories[1]`), an option (`asOf`, `lang`, `year`), or `null` for the whole input.
 * `errors` lists each answer the rules refuse when there are several.
 */
export interface TekserError extends Error {
  field: string | null;
  errors?: FieldError[];
}

/** A bad answer, as `validate` lists it. */
export interface FieldError {
  field: string | null;
  message: string;
  /** The rules' kind of error; `null` when the answers could not be read at all. */
  kind: InputErrorKind | null;
}

export type InputErrorKind =
  | { kind: "id"; error: "not_twelve_digits" | "wrong_check_digit" | "never_issued" }
  | { kind: "date_in_future" }
  | { kind: "date_too_early" }
  | { kind: "date_out_of_range"; min: DateString; max: DateString }
  | { kind: "too_small"; min: number }
  | { kind: "too_large"; max: number }
  | { kind: "unknown_code" }
  | { kind: "conflict"; code: string };

export type Verdict = "eligible" | "not_eligible" | "not_applicable" | "needs_info" | "no_channel_open" | "check_with_provider";
export type Status = "met" | "not_met" | "unknown";
export type Role = "scope" | "condition" | "info" | "step";
export type Provenance = "source" | "official" | "secondary" | "unverified";
export type Channel = "egov_eds" | "egov_otp" | "con" | "con_self_service" | "operating_hall" | "provider_office";

/** A text in the three languages. */
export interface Tri {
  kk: string;
  ru: string;
  en: string;
}

/** The provision a reason, document, fee or term rests on (the words themselves are not included). */
export interface Citation {
  id: string;
  act: string;
  act_number: string;
  act_date: DateString | null;
  edition_date: DateString | null;
  unit: Tri;
  provenance: Provenance;
  source_file: string | null;
}

/** The whole result of `evaluate`: what `tekser check --format json` prints. */
export interface Report {
  as_of: DateString;
  edition: Edition;
  outcomes: Outcome[];
}

/**
 * The compact form of a report (`evaluate(answers, { compact: true })`, `tekser check --format
 * json-compact`): the report with every `citation` written as its provision id, and each provision
 * cited once, by id, in `citations` (in the data's order). Putting `citations[id]` back in place of
 * each id gives the `Report` exactly.
 */
export interface CompactReport {
  as_of: DateString;
  edition: Edition;
  outcomes: Compacted<Outcome>[];
  citations: Record<string, Citation>;
}

/** `T` with every `Citation` in it written as its id. */
export type Compacted<T> = T extends Citation
  ? string
  : T extends (infer U)[]
    ? Compacted<U>[]
    : T extends object
      ? { [K in keyof T]: Compacted<T[K]> }
      : T;

/** The rules' edition: an id and the SHA-256 of all rule data. */
export interface Edition {
  id: string;
  hash: string;
}

/** One service's outcome. Every `code` is a text key (`reason.<code>`, `doc.<code>`, …). */
export interface Outcome {
  service: ServiceCode;
  case: string;
  verdict: Verdict;
  /** Field paths still needed to decide, in interview order. */
  missing: string[];
  /** Field paths that would refine the checklist. */
  refine: string[];
  reasons: Reason[];
  channels: ChannelOffer[];
  documents: DocumentItem[];
  fee: Fee | null;
  deadline: Deadline | null;
  timeline: Milestone[];
  refusal_grounds: Warning[];
  notes: Warning[];
  limits: Limit[];
  appeal: Warning[];
  editions: ActEdition[];
  mentioned: ActEdition[];
}

export interface Reason {
  code: string;
  status: Status;
  role: Role;
  facts: string[];
  missing: string[];
  citation: Citation;
  basis: Provenance;
}

export interface ChannelOffer {
  channel: Channel;
  available: boolean;
  why: string;
  citation: Citation;
}

export interface DocumentItem {
  code: string;
  because: string;
  citation: Citation;
  from_state_systems: boolean;
  channel: Channel | null;
}

/** A dated parameter's value (the MCI of the day), with where it comes from. */
export interface Dated<T> {
  from: DateString;
  purpose: string;
  value: T;
  source: string;
  provenance: Provenance;
  from_provenance: Provenance;
  note: string;
}

export interface Fee {
  free: boolean;
  mci_multiple: number;
  mci: Dated<number> | null;
  tenge: number | null;
  citation: Citation;
}

/** Opening hours in minutes after midnight, local time (UTC+5). */
export interface Hours {
  open: number;
  close: number;
  lunch: [number, number] | null;
  saturday: [number, number] | null;
}

export interface Deadline {
  applied: { date: DateString; time: TimeOfDay };
  within_hours: boolean;
  hours: Hours;
  registered_on: DateString;
  working_days: number;
  result_on: DateString;
  skipped: NonWorkingDay[];
  convention: string;
  citation: Citation;
}

export interface Milestone {
  code: string;
  kind: "apply_by" | "stage" | "effect";
  from: DateString | null;
  working_days: number | null;
  calendar_days: number | null;
  hours: number | null;
  by: DateString | null;
  citation: Citation;
}

export interface Warning {
  code: string;
  citation: Citation;
}

export type Limit =
  | { kind: "mci_not_set"; day: DateString }
  | { kind: "calendar_not_published"; year: number }
  | { kind: "kurban_ait_not_confirmed"; year: number; date: DateString }
  | { kind: "provision_not_in_force"; id: string }
  | { kind: "unverified"; what: string }
  | { kind: "rules_not_in_data"; day: DateString };

export interface ActEdition {
  act: string;
  number: string;
  edition_date: DateString | null;
}

/** Why a day is not a working day (or, for a weekend made working, why it is one). */
export type Why =
  | { kind: "weekend" }
  | { kind: "holiday"; key: string; holiday_kind: "state" | "national" | "religious" }
  | { kind: "holiday_moved"; key: string; from: DateString }
  | { kind: "transfer_day_off"; instrument: string; working_day: DateString }
  | { kind: "transfer_working_day"; instrument: string; day_off: DateString };

export interface NonWorkingDay {
  date: DateString;
  why: Why;
}

export type FieldKindName = "bool" | "date" | "time" | "int" | "number" | "text" | "iin" | "bin" | "country" | "choice" | "many";

/** A question still to ask, in the language asked for. */
export interface Question {
  /** The answer's path in an answers object, e.g. `person.date_of_birth`. */
  field: string;
  kind: FieldKindName;
  question: string;
  hint: string | null;
  /** The options of a `choice` or `many` question, in order; empty otherwise. */
  options: { code: string; text: string }[];
}

/** A year's special days and its number of working days (five-day week). */
export interface Calendar {
  year: number;
  /** Whether the data hold this year's holidays and transfer orders. */
  published: boolean;
  working_days: number;
  days: SpecialDay[];
}

export interface SpecialDay {
  date: DateString;
  /** The weekday's short name in the language asked for. */
  weekday: string;
  working: boolean;
  why: Why;
  /** The reason in words. */
  reason: string;
}

/** The report for the answers, as `tekser check --format json` prints it. Throws a `TekserError`. */
export function evaluate(answers: Answers | string, options?: Options & { compact?: false }): Report;
/** The compact report, as `tekser check --format json-compact` prints it. Throws a `TekserError`. */
export function evaluate(answers: Answers | string, options: Options & { compact: true }): CompactReport;
/** Every bad answer with its field and translated message; empty when the answers can be evaluated. */
export function validate(answers: Answers | string, options?: Options): FieldError[];
/** The questions still to ask, in interview order. Throws a `TekserError`. */
export function questions(answers: Answers | string, options?: Options): Question[];
/** The JSON Schema of an answers object (what `tekser schema` prints). */
export function schema(): object;
/** The rules' edition. */
export function edition(): Edition;
/** A year's special days (1900–2100), reasons in `lang` (`kk` by default). Throws a `TekserError`. */
export function calendar(year: number, lang?: Lang): Calendar;
/** The words of a text key (`verdict.eligible`, `reason.<code>`, `question.<field>`, …) in `lang`; `null` if none. */
export function text(key: string, lang?: Lang): string | null;
