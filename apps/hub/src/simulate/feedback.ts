/**
 * What citizens of the simulated office say afterwards: SKM survey answers
 * and complaints (pengaduan), with the staff handling them, written as the
 * hub writes them (apps/hub/src/feedback): FeedbackEvents in the same log,
 * profiles and contacts beside the events as personal data, deadlines from
 * complaintDueAt on the office's working days.
 *
 * The rates are those of an office that offers the survey on the ticket's QR
 * page and takes complaints at the kiosk: about one served citizen in nine
 * answers (most the same day, the rest within the survey's week), about two
 * complaints per thousand tickets.
 */
import {
  addDays,
  complaintDueAt,
  dayStartOf,
  intervalsOn,
  isWorkingDay,
  localMoment,
  parseLocalTime,
  serviceDayOf,
  SURVEY_UNSUR,
  SURVEY_WINDOW_DAYS,
  type EventOf,
  type FeedbackEvent,
  type QueueEvent,
  type SurveyAnswers,
  type SurveyScore,
  type SurveyUnsur,
  type WorkingCalendar,
} from "@layan/core";
import type { LayanConfig } from "@layan/config";
import { RESPONDENT_PROFILE, type ProfileField } from "@layan/protocol";
import type { PersonalDataEntry } from "@layan/store";
import type { SimulatedEngine } from "./engine";
import {
  CATEGORY_WEIGHTS,
  CLOSE_NOTES,
  COMPLAINT_TEXTS,
  CONTACT_NAMES,
  RESPONSES,
  SUGGESTIONS,
} from "./feedback-texts";
import type { Random } from "./prng";
import { HOUR, MINUTE } from "./profile";

export interface FeedbackSetup {
  surveyEnabled: boolean;
  surveyAtCounter: boolean;
  /** The office's calendar, as the hub counts complaint deadlines (setup.feedback.calendar). */
  calendar: WorkingCalendar;
  targetWorkingDays: number;
  /** Complaint category ids, as configured. */
  categories: readonly string[];
}

/** The office's survey and complaint settings, read as the hub reads them (config-setup.ts). */
export function feedbackSetupOf(config: LayanConfig): FeedbackSetup {
  const { office } = config;
  return {
    surveyEnabled: office.survey.enabled,
    surveyAtCounter: office.survey.atCounter,
    calendar: { timezone: office.timezone, hours: office.hours, closedDates: office.closedDates.map((d) => d.date) },
    targetWorkingDays: office.complaints.responseTargetWorkingDays,
    categories: office.complaints.categories.map((c) => c.id),
  };
}

/** Who handles complaints in the simulated office: not officers, whom the hub refuses as assignees. */
export const COMPLAINT_STAFF = [
  { id: "sim-staff-1", username: "sim.pengelola.pengaduan", displayName: "Pengelola Pengaduan (simulasi)", role: "supervisor" },
  { id: "sim-staff-2", username: "sim.staf.pengaduan", displayName: "Staf Pengaduan (simulasi)", role: "supervisor" },
  { id: "sim-staff-3", username: "sim.kepala.kantor", displayName: "Kepala Kantor (simulasi)", role: "manager" },
] as const;
const HANDLERS = [COMPLAINT_STAFF[0].username, COMPLAINT_STAFF[1].username];
const MANAGER = COMPLAINT_STAFF[2].username;

export const SURVEY_RATE = 0.115;
export const COMPLAINT_RATE = 0.002;

/** P(score 1, 2, 3, 4): mostly "sesuai", some "sangat", fewer "kurang", rare "tidak". */
const USUAL: readonly number[] = [0.02, 0.1, 0.63, 0.25];
/** The waktu unsur of a citizen who waited past the service's target. */
const WAITED_LONG: readonly number[] = [0.08, 0.32, 0.5, 0.1];
/** Complaint handling is the unsur citizens know least about: a little lower. */
const PENGADUAN: readonly number[] = [0.03, 0.14, 0.63, 0.2];

/** Days after service the answer comes: most the same day, none past the survey's window. */
const ANSWER_DELAY_WEIGHTS: readonly number[] = [55, 25, 7, 4, 3, 2, 2, 2];
/** Working days after filing the first answer comes (index 0 = 1 day): most within the usual 5-day target. */
const RESPONSE_DAY_WEIGHTS: readonly number[] = [14, 20, 20, 16, 12, 7, 5, 3, 2, 1];
const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

type Score = SurveyScore;

export class FeedbackModel {
  private readonly codes = new Set<string>();
  private readonly categoryWeights: number[];

  constructor(
    private readonly engine: SimulatedEngine,
    private readonly rng: Random,
    private readonly setup: FeedbackSetup,
  ) {
    if (SURVEY_WINDOW_DAYS < ANSWER_DELAY_WEIGHTS.length - 1) throw new Error("answer delays outlast the survey window");
    this.categoryWeights = setup.categories.map((id) => CATEGORY_WEIGHTS[id] ?? 4);
  }

  /** Every event the core applies passes here; what follows from it is planned on the engine's clock. */
  observe(e: QueueEvent): void {
    if (e.type === "ticket.completed") this.maybeSurvey(e);
    else if (e.type === "ticket.issued") this.maybeComplaint(e);
  }

  private maybeSurvey(e: EventOf<"ticket.completed">): void {
    const { rng, engine } = this;
    if (!this.setup.surveyEnabled || !rng.chance(SURVEY_RATE)) return;
    const serviceDay = engine.state.tickets.get(e.ticketId)?.serviceDay;
    if (serviceDay === undefined) return;
    const atCounter = this.setup.surveyAtCounter && rng.chance(0.4);
    const delay = atCounter ? 0 : rng.weighted(ANSWER_DELAY_WEIGHTS);
    const at = atCounter
      ? e.at + rng.between(1, 3) * MINUTE
      : delay === 0
        ? e.at + rng.between(5, 240) * MINUTE
        : dayStartOf(addDays(serviceDay, delay), this.setup.calendar.timezone) + rng.between(7, 22) * HOUR;
    const channel = atCounter ? "counter" : rng.chance(0.85) ? "ticket_page" : "kiosk";
    const answers = this.answers(e.measurement.waitMet === false);
    const suggestion = rng.chance(0.05) ? rng.pick(SUGGESTIONS) : null;
    const profile = rng.chance(0.2) ? this.profile() : null;
    const responseId = this.shortId();
    engine.later(at, () => {
      const event: FeedbackEvent = {
        type: "survey.submitted",
        at: engine.now,
        responseId,
        ticketId: e.ticketId,
        serviceId: e.measurement.serviceId,
        counterId: e.counterId,
        serviceDay,
        channel,
        answers,
        suggestion,
      };
      engine.append(event, profile ? [{ ref: `survey:${responseId}`, kind: "survey_profile", data: profile }] : []);
    });
  }

  private answers(waitedLong: boolean): SurveyAnswers {
    const scoreOf = (unsur: SurveyUnsur): Score => {
      const weights = unsur === "waktu" && waitedLong ? WAITED_LONG : unsur === "pengaduan" ? PENGADUAN : USUAL;
      return (this.rng.weighted(weights) + 1) as Score;
    };
    return Object.fromEntries(SURVEY_UNSUR.map((u) => [u, scoreOf(u)])) as SurveyAnswers;
  }

  /** Each field is optional on the form; most who fill one fill all. */
  private profile(): Record<string, string> {
    const profile: Record<string, string> = {};
    for (const field of Object.keys(RESPONDENT_PROFILE) as ProfileField[]) {
      const options: readonly { value: string }[] = RESPONDENT_PROFILE[field];
      if (this.rng.chance(0.9)) profile[field] = this.rng.pick(options).value;
    }
    return profile;
  }

  private maybeComplaint(e: EventOf<"ticket.issued">): void {
    const { rng, engine, setup } = this;
    if (setup.categories.length === 0 || !rng.chance(COMPLAINT_RATE)) return;
    const filedAt = e.at + rng.between(20, 180) * MINUTE;
    const category = setup.categories[rng.weighted(this.categoryWeights)]!;
    const texts = COMPLAINT_TEXTS[category] ?? COMPLAINT_TEXTS.lainnya!;
    const text = rng.pick(texts);
    const serviceId = rng.chance(0.85) ? e.serviceId : null;
    const channel = rng.chance(0.55) ? "kiosk" : "ticket_page";
    const contact = rng.chance(0.3) ? this.contact() : null;
    const complaintId = this.shortId();
    const code = this.code();
    engine.later(filedAt, () => {
      const at = engine.now;
      const dueAt = complaintDueAt(at, setup.targetWorkingDays, setup.calendar);
      const personal: PersonalDataEntry[] = contact ? [{ ref: `complaint:${complaintId}`, kind: "complaint_contact", data: contact }] : [];
      engine.append(
        {
          type: "complaint.filed",
          at,
          complaintId,
          code,
          filedDay: serviceDayOf(at, setup.calendar.timezone),
          channel,
          category,
          serviceId,
          text,
          targetWorkingDays: setup.targetWorkingDays,
          dueAt,
        },
        personal,
      );
      this.planHandling(complaintId, at);
    });
  }

  /**
   * The desk's work on one complaint, planned at filing: most are assigned
   * within two working days, answered within the target (some late), and
   * closed a few days after; a few stay open or are closed as duplicates.
   * What falls after the simulated period simply has not happened yet.
   */
  private planHandling(complaintId: string, filedAt: number): void {
    const { rng, engine } = this;
    if (!rng.chance(0.96)) return;
    const filedDay = serviceDayOf(filedAt, this.setup.calendar.timezone);
    const assignee = rng.pick(HANDLERS);
    const assignAt = Math.max(filedAt + rng.between(10, 60) * MINUTE, this.workingTime(filedDay, rng.weighted([50, 40, 10])));
    engine.later(assignAt, () =>
      engine.append({ type: "complaint.assigned", at: engine.now, complaintId, assignee, by: MANAGER }),
    );
    if (!rng.chance(0.95)) {
      if (rng.chance(0.6)) {
        const note = rng.pick(CLOSE_NOTES);
        engine.later(assignAt + rng.between(1, 4) * HOUR, () =>
          engine.append({ type: "complaint.closed", at: engine.now, complaintId, note, by: MANAGER }),
        );
      }
      return;
    }
    const respondAt = Math.max(
      assignAt + rng.between(30, 240) * MINUTE,
      this.workingTime(filedDay, rng.weighted(RESPONSE_DAY_WEIGHTS) + 1),
    );
    const response = rng.pick(RESPONSES);
    engine.later(respondAt, () =>
      engine.append({ type: "complaint.responded", at: engine.now, complaintId, text: response, by: assignee }),
    );
    if (!rng.chance(0.88)) return;
    const closeAt = Math.max(
      respondAt + rng.between(15, 120) * MINUTE,
      this.workingTime(serviceDayOf(respondAt, this.setup.calendar.timezone), rng.int(0, 3)),
    );
    engine.later(closeAt, () =>
      engine.append({ type: "complaint.closed", at: engine.now, complaintId, note: null, by: MANAGER }),
    );
  }

  /** A moment within office hours on the n-th working day after `day` (n = 0: that day, or the next working one). */
  private workingTime(day: string, n: number): number {
    const cal = this.setup.calendar;
    let d = day;
    let counted = isWorkingDay(d, cal) ? 0 : -1;
    for (let guard = 0; counted < n || !isWorkingDay(d, cal); guard++) {
      if (guard > 800) throw new Error("no working day in the office calendar");
      d = addDays(d, 1);
      if (isWorkingDay(d, cal)) counted++;
    }
    const start = dayStartOf(d, cal.timezone);
    const intervals = intervalsOn(cal.hours, localMoment(start + 12 * HOUR, cal.timezone).weekday);
    const open = Math.min(...intervals.map((i) => parseLocalTime(i.open)));
    const close = Math.max(...intervals.map((i) => parseLocalTime(i.close)));
    return start + this.rng.between(open + 15, Math.max(open + 16, close - 15)) * MINUTE;
  }

  private contact(): { name?: string; phone: string } {
    const phone = `08${this.rng.int(11, 59)}${String(this.rng.int(0, 99_999_999)).padStart(8, "0")}`;
    return this.rng.chance(0.7) ? { name: this.rng.pick(CONTACT_NAMES), phone } : { phone };
  }

  /** 9 random bytes as base64url, the length of the hub's response and complaint ids. */
  private shortId(): string {
    return this.rng.id().slice(0, 12);
  }

  private code(): string {
    for (;;) {
      let code = "PGD-";
      for (let i = 0; i < 8; i++) code += CROCKFORD[this.rng.int(0, 31)];
      if (!this.codes.has(code)) {
        this.codes.add(code);
        return code;
      }
    }
  }
}
