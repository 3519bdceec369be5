// Live due counts: each change to a student's deck (cards added, a review recorded, a card removed, a
// quiz question missed)
// reaches their own `user:<id>` channel as `cards.counts`, over a real WebSocket, while the change
// itself is made over HTTP on another connection. A replayed review changes nothing and sends nothing.
import { randomUUID } from "node:crypto";
import { CardsCountsEvent } from "@lm/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeUser, type TestServer, startTestServer, waitFor } from "./harness.js";
import { connect } from "./support/realtime-client.js";

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.stop());

const QUIZ = [{ question: "Water moves towards…", choices: ["more solute", "less solute"], answerIndex: 0 }];

async function insertLesson(by: string) {
  const [row] = await s.ctx.db.query<{ id: string }>(
    `insert into public.videos (title, subject, difficulty, topic, created_by, status, visibility, key_points, timestamps, quiz)
     values ('Osmosis', 'BIOLOGY', 'BEGINNER', 'Osmosis', $1, 'PUBLIC', 'PUBLIC', $2, $3, $4) returning id`,
    [by, ["Water moves across a membrane", "From low to high solute concentration"], [5, 30], JSON.stringify(QUIZ)],
  );
  return row.id;
}

describe("cards.counts on the student's channel", () => {
  it("carries the new due count after cards are added, reviewed, removed and a quiz question missed", async () => {
    const student = await makeUser(s);
    const other = await makeUser(s);
    const lesson = await insertLesson(student.id);
    const socket = await connect(s, student.token);
    expect((await socket.subscribe(`user:${student.id}`)).type).toBe("subscribed");
    const stranger = await connect(s, other.token);
    await stranger.subscribe(`user:${other.id}`);
    const counts = () => socket.messages.filter((m) => m.event === "cards.counts").map((m) => m.data);

    const added = await s.api("POST", `/cards/from-lesson/${lesson}`, { token: student.token });
    expect(added.status).toBe(201);
    const first = await socket.event("cards.counts");
    expect(CardsCountsEvent.parse(first.data)).toEqual({ due: 3, overdue: 0, new: 3, total: 3, nextDueAt: null });

    const cardId = added.body.cards.find((c: { kind: string }) => c.kind === "KEY_POINT").id as string;
    const clientId = randomUUID();
    const reviewed = await s.api("POST", `/cards/${cardId}/review`, {
      token: student.token,
      body: { rating: "good", clientId },
    });
    expect(reviewed.status).toBe(200);
    // The reviewed card is scheduled ahead: one card left due, and the event says so.
    const second = await socket.event("cards.counts", (d) => d.due === 2);
    expect(second.data).toEqual(reviewed.body.counts);
    expect(second.data).toMatchObject({ due: 2, new: 2, total: 3 });

    // Replaying the same review (an offline device retrying) records nothing, so it announces nothing.
    const replay = await s.api("POST", `/cards/${cardId}/review`, {
      token: student.token,
      body: { rating: "good", clientId },
    });
    expect(replay.body.replayed).toBe(true);

    const quizCard = added.body.cards.find((c: { kind: string }) => c.kind === "QUIZ");
    expect((await s.api("DELETE", `/cards/${quizCard.id}`, { token: student.token })).status).toBe(204);
    const third = await socket.event("cards.counts", (d) => d.total === 2);
    expect(third.data).toEqual({ due: 1, overdue: 0, new: 1, total: 2, nextDueAt: reviewed.body.card.due });

    // A missed quiz question joins the deck again, and the count says so.
    const missed = await s.api("POST", `/videos/${lesson}/quiz-answers`, {
      token: student.token,
      body: { questionIndex: 0, choiceIndex: 1, clientId: randomUUID() },
    });
    expect(missed.body.correct).toBe(false);
    await waitFor(() => counts().length === 4 || undefined);
    expect(counts()[3]).toEqual({ due: 2, overdue: 0, new: 2, total: 3, nextDueAt: reviewed.body.card.due });
    // Another student's channel hears nothing of it.
    expect(stranger.messages.filter((m) => m.event === "cards.counts")).toEqual([]);
    socket.ws.close();
    stranger.ws.close();
  });
});
