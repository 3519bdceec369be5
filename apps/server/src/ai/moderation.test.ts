// Moderation: clean text passes, obfuscated profanity and harmful phrases are caught, and common
// false positives (Scunthorpe, assassin, "I killed it on the exam") stay clean.
import { describe, expect, it } from "vitest";
import { moderateText, secondOpinion } from "./moderation.js";
import { OfflineProvider } from "./providers/offline/index.js";
import type { JsonRequest, LlmProvider } from "./providers/types.js";

describe("moderateText", () => {
  it.each([
    "Photosynthesis in C4 plants",
    "Scunthorpe United's history",
    "The assassin of Archduke Franz Ferdinand",
    "Mixing a cocktail of reagents",
    "Statistical analysis of variance",
    "Classic literature of the 19th century",
    "I killed it on the exam",
    "the cell will die without ATP",
    "How does the immune system kill bacteria?",
    "The atomic bomb and the end of World War II",
    "kill the process with SIGTERM",
  ])("approves %j", (text) => {
    expect(moderateText(text)).toEqual({ status: "APPROVED", reason: null });
  });

  it.each(["f u c k this", "sh1t", "f.u.c.k", "fuck", "what the f*ck"])("catches obfuscated profanity %j", (text) => {
    const v = moderateText(text);
    expect(v.status).not.toBe("APPROVED");
    expect(v.reason).toMatch(/language/);
  });

  it.each(["kill yourself", "just kys", "k y s", "I will hurt you", "i'm going to kill you", "go die", "k1ll urs3lf"])(
    "rejects the threat or self-harm encouragement %j",
    (text) => {
      const v = moderateText(text);
      expect(v.status).toBe("REJECTED");
      expect(v.reason).toBeTruthy();
    },
  );

  it.each(["you are so stupid", "I want to kill myself", "I will beat you"])("flags the borderline %j", (text) => {
    expect(moderateText(text).status).toBe("FLAGGED");
  });

  it("rejects requests for dangerous instructions but not the history of them", () => {
    expect(moderateText("how to make a pipe bomb").status).toBe("REJECTED");
    expect(moderateText("the Manhattan Project and the first atomic bomb").status).toBe("APPROVED");
  });
});

function judge(answer: unknown, fail = false): LlmProvider {
  return {
    name: "openai",
    model: "judge",
    concurrency: 1,
    async generateJson(req: JsonRequest) {
      expect(req.task).toBe("moderation");
      if (fail) throw new Error("down");
      return { json: answer, text: JSON.stringify(answer), usage: { inputTokens: 1, outputTokens: 1 } };
    },
    health: async () => ({ ok: true }),
    close: async () => {},
  };
}

describe("secondOpinion", () => {
  it("approves when offline, since there is no model to ask", async () => {
    expect(await secondOpinion("you are so stupid", new OfflineProvider())).toEqual({
      status: "APPROVED",
      reason: null,
    });
  });

  it("maps the model's verdict", async () => {
    expect((await secondOpinion("x", judge({ verdict: "SAFE", reason: "fine" }))).status).toBe("APPROVED");
    expect(await secondOpinion("x", judge({ verdict: "UNSAFE", reason: "harassment" }))).toEqual({
      status: "REJECTED",
      reason: "harassment",
    });
    expect((await secondOpinion("x", judge({ verdict: "BORDERLINE", reason: "" }))).status).toBe("FLAGGED");
  });

  it("keeps text flagged when the model fails", async () => {
    expect((await secondOpinion("x", judge(null, true))).status).toBe("FLAGGED");
  });
});
