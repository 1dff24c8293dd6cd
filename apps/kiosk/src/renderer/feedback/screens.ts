/*
 * The screens reached from the first screen without taking a number, as one
 * chunk the kiosk loads when idle (App.tsx): they are not on the way to a
 * ticket, so the first screen does not wait for them.
 */
export { ComplaintPage } from "./ComplaintPage";
export { InfoPage, MaklumatPage } from "./InfoPages";
export { SurveyPage } from "./SurveyPage";
