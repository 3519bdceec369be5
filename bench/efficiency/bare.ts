// The baseline: node:http + pg, no framework, no auth, no RLS transaction, running the statements
// the orchestrator captured from our feed/lesson code. Its own process, like the server.
import { createServer } from "node:http";
import pg from "pg";

const statements = JSON.parse(process.env.BARE_STATEMENTS ?? "{}") as Record<
  string,
  { sql: string; params: unknown[] }
>;
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.BARE_POOL ?? 20) });

const server = createServer(async (req, res) => {
  const stmt = statements[req.url ?? ""];
  if (!stmt) {
    res.statusCode = 404;
    res.end();
    return;
  }
  try {
    const { rows } = await pool.query(stmt.sql, stmt.params);
    res.setHeader("content-type", "application/json");
    res.end(JSON.stringify({ items: rows }));
  } catch (err) {
    res.statusCode = 500;
    res.end(String(err));
  }
});
// Exit cleanly on the orchestrator's SIGTERM, so a --cpu-prof profile is written.
process.on("SIGTERM", () => process.exit(0));
server.listen(Number(process.env.PORT), "127.0.0.1", () => console.log("bare ready"));
