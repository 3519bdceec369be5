import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config.js";

describe("config", () => {
  it("has working defaults with no environment at all", () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      port: 3000,
      host: "127.0.0.1",
      dataDir: "./data",
      role: "all",
      requireVerifiedEmail: true,
      trustProxy: 0,
    });
    expect(c.appUrl).toBe("http://localhost:3000");
    expect(c.corsOrigins).toEqual(["http://localhost:3000", "app://little-monster"]);
  });

  it.each([
    [{ PORT: "http" }, "PORT"],
    [{ ROLE: "everything" }, "ROLE"],
    [{ DATABASE_URL: "mysql://x" }, "DATABASE_URL"],
    [{ JWT_SECRET: "short" }, "JWT_SECRET"],
    [{ REQUIRE_VERIFIED_EMAIL: "maybe" }, "REQUIRE_VERIFIED_EMAIL"],
    [{ NODE_ENV: "production" }, "JWT_SECRET"],
  ])("refuses %o naming %s", (env, name) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(new RegExp(name));
  });

  it("honours PORT=0, ROLE and CORS_ORIGINS", () => {
    const c = loadConfig({ PORT: "0", ROLE: "worker", CORS_ORIGINS: "https://a.example, https://b.example" });
    expect(c.port).toBe(0);
    expect(c.role).toBe("worker");
    expect(c.corsOrigins).toEqual(["https://a.example", "https://b.example"]);
  });
});
