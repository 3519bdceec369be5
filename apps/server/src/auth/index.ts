// What other features may use of auth: password hashing (the seed's demo users) and the token
// helpers the planner's calendar feed and its start-up share. Re-exports only, no service.
export { hashPassword } from "./passwords.js";
export { randomToken, resolveJwtSecret, sha256 } from "./tokens.js";
