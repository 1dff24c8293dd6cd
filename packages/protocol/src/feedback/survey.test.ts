import { SURVEY_UNSUR } from "@layan/core";
import { describe, expect, it } from "vitest";
import { RESPONDENT_PROFILE, RespondentProfileSchema, SURVEY_QUESTIONS, SurveyAnswersSchema } from "./survey";

describe("the SKM form's wording and schemas", () => {
  it("asks the nine unsur of the core, in its order, four answers each", () => {
    expect(SURVEY_QUESTIONS.map((q) => q.unsur)).toEqual([...SURVEY_UNSUR]);
    expect(SURVEY_QUESTIONS.every((q) => q.answers.length === 4)).toBe(true);
    expect(Object.keys(SurveyAnswersSchema.shape)).toEqual([...SURVEY_UNSUR]);
  });

  it("offers in the form exactly the profile values the schema accepts", () => {
    for (const [field, options] of Object.entries(RESPONDENT_PROFILE)) {
      for (const o of options) expect(RespondentProfileSchema.safeParse({ [field]: o.value }).success).toBe(true);
      expect(RespondentProfileSchema.safeParse({ [field]: "tidak-ada" }).success).toBe(false);
    }
  });
});
