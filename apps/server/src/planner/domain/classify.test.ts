// Imported events get a type and subject from CATEGORIES first, then from their title's words.
import { describe, expect, it } from "vitest";
import { classifyEvent } from "./classify.js";

const classify = (title: string, categories: string[] = []) => classifyEvent({ title, categories });

describe("classifyEvent", () => {
  it("reads our own export's CATEGORIES exactly", () => {
    expect(classify("Anything at all", ["EXAM", "BIOLOGY"])).toEqual({ type: "EXAM", subject: "BIOLOGY" });
    expect(classify("x", ["STUDY_SESSION", "COMPUTER_SCIENCE"])).toEqual({
      type: "STUDY_SESSION",
      subject: "COMPUTER_SCIENCE",
    });
  });

  it("reads school calendars' category words", () => {
    expect(classify("Period 3", ["Exams", "Mathematics"])).toEqual({ type: "EXAM", subject: "MATH" });
    expect(classify("Period 3", ["Homework"])).toEqual({ type: "ASSIGNMENT", subject: null });
    expect(classify("Period 3", ["Computer science"])).toEqual({ type: "OTHER", subject: "COMPUTER_SCIENCE" });
  });

  it.each([
    ["Biology midterm 🧬", "EXAM", "BIOLOGY"],
    ["Biology 101 lecture", "CLASS", "BIOLOGY"],
    ["Essay due (submit online)", "ASSIGNMENT", null],
    ["Revision for the chemistry exam", "STUDY_SESSION", "CHEMISTRY"],
    ["Klausur Analysis I", "EXAM", "MATH"],
    ["Lineare Algebra – Übung", "CLASS", "MATH"],
    ["French vocabulary quiz", "EXAM", "LANGUAGES"],
    ["CS 101 lab", "CLASS", "COMPUTER_SCIENCE"],
  ])("%s → %s, %s", (title, type, subject) => {
    expect(classify(title)).toEqual({ type, subject });
  });

  it("leaves what it cannot tell as OTHER with no subject, and does not match inside words", () => {
    expect(classify("Spring break")).toEqual({ type: "OTHER", subject: null });
    expect(classify("Office hours")).toEqual({ type: "OTHER", subject: null });
    // "art" inside "party", "test" inside "contest", "bio" inside "biography" are not words of their own.
    expect(classify("Start of term party")).toEqual({ type: "OTHER", subject: null });
    expect(classify("Chess contest")).toEqual({ type: "OTHER", subject: null });
  });
});
