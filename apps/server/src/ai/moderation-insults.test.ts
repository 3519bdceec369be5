// Insults aimed at a person are held for review (issue 15 item 5), while the phrases a study site
// needs stay visible: book titles, students blaming themselves, and quoted text.
import { describe, expect, it } from "vitest";
import { moderateText } from "./moderation.js";

describe("insults aimed at a person", () => {
  it.each([
    "This is stupid and whoever made it is an idiot",
    "whoever wrote this is a complete moron",
    "the creator is an idiot",
    "what an idiot",
    "this lesson was made by an idiot",
    "the person who made this must be so dumb",
    "you idiot",
    "The author is such a loser, honestly",
  ])("holds %j for review, saying why", (text) => {
    const v = moderateText(text);
    expect(v.status).toBe("FLAGGED");
    expect(v.reason).toMatch(/insult/);
  });

  it.each([
    "The Complete Idiot's Guide to Calculus explains limits well",
    "the idiot's guide to organic chemistry",
    "Stupid mistake I made: I forgot to carry the one",
    "I made a stupid mistake in step 3",
    "This is stupid hard but I finally get it",
    'In Of Mice and Men, Curley shouts "you are so stupid" at Lennie',
    "Dostoevsky's The Idiot is about a good man in a cruel society",
    "Prince Myshkin is called “an idiot” by the others in the novel",
  ])("leaves %j visible", (text) => {
    expect(moderateText(text)).toEqual({ status: "APPROVED", reason: null });
  });
});
