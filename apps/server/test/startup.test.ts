// Starting where another program already listens: the error names the port and the cause, so an
// operator knows what to change (it used to die with "Cannot destructure property 'port'").
import { createServer } from "node:net";
import { describe, expect, it } from "vitest";
import { startTestServer } from "./harness.js";

describe("start-up", () => {
  it("names the port and EADDRINUSE when the port is taken", async () => {
    const squatter = createServer();
    await new Promise<void>((r) => squatter.listen(0, "127.0.0.1", r));
    const { port } = squatter.address() as { port: number };
    try {
      const err = await startTestServer({ port }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(Error);
      expect((err as Error).message).toMatch(new RegExp(`port ${port}\\b.*EADDRINUSE`));
    } finally {
      squatter.close();
    }
  });
});
