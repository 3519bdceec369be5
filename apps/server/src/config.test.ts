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
    [{ STORAGE_URL: "s3://key:secret@media" }, "STORAGE_URL"],
    [{ STORAGE_URL: "gs://media" }, "STORAGE_URL"],
    [{ AWS_ACCESS_KEY_ID: "AKIA" }, "AWS_SECRET_ACCESS_KEY"],
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

  it("reads STORAGE_URL into the S3 location and keeps the credentials out of the config", () => {
    const c = loadConfig({
      STORAGE_URL: "s3://media/lm?endpoint=http://127.0.0.1:9000",
      AWS_ACCESS_KEY_ID: "AKIAEXAMPLE",
      AWS_SECRET_ACCESS_KEY: "very-secret-value",
    });
    expect(c.storage).toEqual({
      bucket: "media",
      prefix: "lm/",
      endpoint: "http://127.0.0.1:9000",
      region: "us-east-1",
      forcePathStyle: true,
    });
    expect(JSON.stringify(c)).not.toMatch(/very-secret-value|AKIAEXAMPLE/);
    expect(loadConfig({}).storage).toBeNull();
  });
});
