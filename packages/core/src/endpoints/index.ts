// The endpoints of /api/v1, their contract and the types derived from it (see contract.ts).
export { type Contract, contract, endpoints } from "./contract.js";
export * from "./define.js";
export type * from "./types.js";
