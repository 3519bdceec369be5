// The app shell's first data is taken once, by its own key, and only by a signed-out visitor.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { useAuth } from "../stores/auth";

async function withShell(data: unknown) {
  vi.resetModules();
  document.body.innerHTML = `<script type="application/json" id="lm-shell-data">${JSON.stringify(data)}</script>`;
  // A fresh module: it reads the block on first use.
  const mod = await import("./shell-data");
  // The store the fresh module reads is a fresh one too.
  const auth = (await import("../stores/auth")).useAuth;
  return { take: mod.takeShellData, auth };
}

describe("shell data", () => {
  beforeEach(() => useAuth.setState({ session: null, user: null }));

  it("gives the data to the query with its key, once, and removes the block", async () => {
    const { take } = await withShell({ key: "video:1", body: { title: "Cells" } });
    expect(take("feed")).toBeUndefined();
    expect(take("video:1")).toEqual({ title: "Cells" });
    expect(take("video:1")).toBeUndefined();
    expect(document.getElementById("lm-shell-data")).toBeNull();
  });

  it("gives nothing to a signed-in student, whose answer carries their own state", async () => {
    const { take, auth } = await withShell({ key: "feed", body: { items: [] } });
    auth.setState({ session: { accessToken: "a", refreshToken: "r", expiresIn: 900 } as never });
    expect(take("feed")).toBeUndefined();
  });

  it("ignores a missing or malformed block", async () => {
    vi.resetModules();
    document.body.innerHTML = '<script type="application/json" id="lm-shell-data">{not json</script>';
    expect((await import("./shell-data")).takeShellData("feed")).toBeUndefined();
    vi.resetModules();
    document.body.innerHTML = "";
    expect((await import("./shell-data")).takeShellData("feed")).toBeUndefined();
  });
});
