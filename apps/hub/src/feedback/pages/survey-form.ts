import { ERROR_MESSAGES, RESPONDENT_PROFILE, SURVEY_QUESTIONS, type Localized } from "@layan/protocol";
import { CLIENT_REQUEST_ID, escapeHtml, scriptJson } from "./common";

/**
 * The SKM form on the ticket page. The markup is rendered by the hub from
 * SURVEY_QUESTIONS (the same words as the kiosk and the report) and stays
 * hidden until GET /api/public/tickets/<id>/survey says the ticket may answer.
 */

const PROFILE_LABELS: Record<keyof typeof RESPONDENT_PROFILE, { id: string; en: string }> = {
  sex: { id: "Jenis kelamin", en: "Sex" },
  ageBand: { id: "Usia", en: "Age" },
  education: { id: "Pendidikan terakhir", en: "Education" },
  occupation: { id: "Pekerjaan", en: "Occupation" },
};

export function surveyFormHtml(privacy: Localized): string {
  const questions = SURVEY_QUESTIONS.map(
    (q, i) => `<fieldset data-unsur="${q.unsur}"><legend>${i + 1}. ${escapeHtml(q.question.id)}</legend>
<p class="en">${escapeHtml(q.question.en)}</p>
${q.answers
  .map(
    (a, score) =>
      `<label class="choice"><input type="radio" name="${q.unsur}" value="${score + 1}"><span>${escapeHtml(a.id)} <span class="en">· ${escapeHtml(a.en)}</span></span></label>`,
  )
  .join("\n")}
<p class="error" hidden>Pilih salah satu jawaban. <span class="en">Choose one answer.</span></p></fieldset>`,
  ).join("\n");
  const profile = (Object.keys(RESPONDENT_PROFILE) as (keyof typeof RESPONDENT_PROFILE)[])
    .map(
      (field) => `<label class="field"><span>${PROFILE_LABELS[field].id} <span class="en">· ${PROFILE_LABELS[field].en}</span></span>
<select name="profile-${field}"><option value="">Tidak diisi</option>${RESPONDENT_PROFILE[field]
        .map((o) => `<option value="${escapeHtml(o.value)}">${escapeHtml(o.id)}</option>`)
        .join("")}</select></label>`,
    )
    .join("\n");
  return `<section class="card" id="survey" hidden aria-labelledby="survey-title">
<h2 id="survey-title">Survei Kepuasan Masyarakat</h2><p class="en">Satisfaction survey</p>
<p class="muted" id="survey-status" role="status"></p>
<form id="survey-form" novalidate hidden>
<p class="muted">Mohon nilai layanan yang baru Anda terima. Semua pertanyaan wajib dijawab.</p>
${questions}
<h3>Data responden (tidak wajib)</h3><p class="en">About you (optional)</p>
<p class="notice" id="survey-privacy">${escapeHtml(privacy.id)}${privacy.en ? `<br><span class="en">${escapeHtml(privacy.en)}</span>` : ""}</p>
${profile}
<label class="field"><span>Saran dan masukan (tidak wajib) <span class="en">· Suggestions (optional)</span></span>
<textarea name="suggestion" maxlength="1000"></textarea></label>
<p class="error" id="survey-error" role="alert" hidden></p>
<button type="submit" id="survey-submit">Kirim survei</button></form></section>`;
}

/** Only the refusals a citizen can meet here, with the hub's own words. */
const MESSAGES = Object.fromEntries(
  (["SURVEY_DISABLED", "SURVEY_NOT_SERVED", "SURVEY_ALREADY_ANSWERED", "SURVEY_WINDOW_PASSED", "TOO_MANY_REQUESTS", "INVALID_PAYLOAD", "INTERNAL", "STORE_UNAVAILABLE"] as const).map(
    (code) => [code, ERROR_MESSAGES[code].id],
  ),
);

/** Script for the survey: expects `id` (the ticket id) and `$` from the ticket page's script. */
export function surveyScript(): string {
  const unsur = SURVEY_QUESTIONS.map((q) => q.unsur);
  const fields = Object.keys(RESPONDENT_PROFILE);
  return `
${CLIENT_REQUEST_ID}
const SURVEY_MESSAGES = ${scriptJson(MESSAGES)};
const UNSUR = ${scriptJson(unsur)};
const PROFILE_FIELDS = ${scriptJson(fields)};
// Kept across retries of one attempt so a double tap or a lost answer never counts twice.
let surveyRequestId = null;
let surveyDone = false;
let surveySending = false;
function surveyClosed(text) {
  $("survey-form").hidden = true;
  $("survey-status").textContent = text;
  $("survey").hidden = false;
}
async function loadSurvey() {
  if (surveyDone || surveySending || !$("survey-form").hidden) return;
  try {
    const res = await fetch("/api/public/tickets/" + encodeURIComponent(id) + "/survey", { cache: "no-store" });
    const body = await res.json();
    if (!body.ok) return;
    const offer = body.data;
    if (offer.open) { $("survey").hidden = false; $("survey-form").hidden = false; $("survey-status").textContent = ""; return; }
    // Not served yet, or no survey at this office: nothing to show, nothing to nag about.
    if (offer.reason === "SURVEY_NOT_SERVED" || offer.reason === "SURVEY_DISABLED" || offer.reason === null) { $("survey").hidden = true; return; }
    surveyDone = true;
    surveyClosed(SURVEY_MESSAGES[offer.reason] || "");
  } catch { /* the next poll tries again */ }
}
function surveyAnswers() {
  const answers = {};
  let first = null;
  for (const key of UNSUR) {
    const set = document.querySelector('fieldset[data-unsur="' + key + '"]');
    const chosen = set.querySelector("input:checked");
    set.classList.toggle("invalid", !chosen);
    set.querySelector(".error").hidden = Boolean(chosen);
    if (chosen) answers[key] = Number(chosen.value); else if (!first) first = set;
  }
  return { answers, first };
}
$("survey-form").addEventListener("change", () => { surveyRequestId = null; });
$("survey-form").addEventListener("submit", async (e) => {
  e.preventDefault();
  if (surveySending || surveyDone) return;
  const { answers, first } = surveyAnswers();
  const error = $("survey-error");
  if (first) {
    error.textContent = "Masih ada pertanyaan yang belum dijawab.";
    error.hidden = false;
    first.scrollIntoView({ behavior: "smooth", block: "center" });
    return;
  }
  error.hidden = true;
  const form = $("survey-form");
  const profile = {};
  for (const f of PROFILE_FIELDS) { const v = form.elements["profile-" + f].value; if (v) profile[f] = v; }
  const suggestion = form.elements.suggestion.value.trim();
  surveyRequestId = surveyRequestId || newRequestId();
  surveySending = true;
  $("survey-submit").disabled = true;
  $("survey-submit").textContent = "Mengirim…";
  try {
    const res = await fetch("/api/public/tickets/" + encodeURIComponent(id) + "/survey", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ requestId: surveyRequestId, answers, suggestion: suggestion || null, profile: Object.keys(profile).length ? profile : null }),
    });
    const body = await res.json();
    if (body.ok) {
      surveyDone = true;
      form.remove();
      $("survey-status").innerHTML = "";
      const t = document.createElement("p"); t.className = "thanks"; t.id = "survey-thanks"; t.textContent = "Terima kasih";
      const s = document.createElement("p"); s.className = "muted"; s.textContent = "Jawaban Anda sudah kami terima dan membantu kami memperbaiki pelayanan. · Thank you, your answers were received.";
      $("survey-status").append(t, s);
      return;
    }
    const code = body.error.code;
    if (code === "SURVEY_ALREADY_ANSWERED" || code === "SURVEY_WINDOW_PASSED" || code === "SURVEY_NOT_SERVED" || code === "SURVEY_DISABLED") {
      surveyDone = true;
      surveyClosed(SURVEY_MESSAGES[code] || body.error.message);
      return;
    }
    surveyRequestId = null;
    error.textContent = SURVEY_MESSAGES[code] || body.error.message;
    error.hidden = false;
  } catch {
    error.textContent = "Tidak terhubung. Periksa sinyal lalu tekan Kirim lagi.";
    error.hidden = false;
  } finally {
    surveySending = false;
    const b = $("survey-submit");
    if (b) { b.disabled = false; b.textContent = "Kirim survei"; }
  }
});
loadSurvey();`;
}
