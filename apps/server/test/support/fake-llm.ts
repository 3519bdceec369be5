// A fake OpenAI-compatible chat-completions server (the model is outside our system): it answers
// every request with one of the sample lessons (or, for a key-point request, the key point the test
// sets), and can hold answers until the test releases them.
import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { SAMPLE_LESSONS } from "../../src/ai/samples.js";

export async function startFakeLlm() {
  const sample = SAMPLE_LESSONS[0];
  const content = JSON.stringify({
    title: sample.title,
    scriptSummary: sample.scriptSummary,
    script: sample.script,
    keyPoints: sample.keyPoints,
    tags: sample.tags,
    quiz: sample.quiz,
  });
  const held: ServerResponse[] = [];
  let hold = false;
  let requests = 0;
  let keyPoint = "";
  const prompts: string[] = [];
  const answer = (res: ServerResponse, reply = content) => {
    if (res.destroyed) return;
    res.writeHead(200, { "content-type": "application/json" });
    res.end(
      JSON.stringify({ choices: [{ message: { content: reply } }], usage: { prompt_tokens: 1, completion_tokens: 1 } }),
    );
  };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      requests++;
      const body = JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}");
      prompts.push(body.messages?.at(-1)?.content ?? "");
      if (body.response_format?.json_schema?.name === "key_point") answer(res, JSON.stringify({ keyPoint }));
      else if (hold) held.push(res);
      else answer(res);
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return {
    /** The request that this answer suits (the pipeline checks a lesson against its topic). */
    lesson: { topic: sample.topic, subject: sample.subject, difficulty: sample.difficulty },
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`,
    /** Requests received so far. */
    requests: () => requests,
    /** The user message of every request so far. */
    prompts: () => prompts,
    /** What key-point requests are answered with from now on. */
    answerKeyPoint(text: string) {
      keyPoint = text;
    },
    /** From now on, answers wait for release(). */
    hold() {
      hold = true;
    },
    /** Answers every held request and stops holding. */
    release() {
      hold = false;
      for (const res of held.splice(0)) answer(res);
    },
    async close() {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    },
  };
}
