// GET /capabilities: what this server can do, so clients adapt their forms before submitting.
import { z } from "zod";

export const TEXT_PROVIDERS = ["llama-cpp", "openai", "offline"] as const;
export const SPEECH_PROVIDERS = ["espeak-ng", "openai"] as const;

export const Capabilities = z.object({
  text: z.object({
    provider: z.enum(TEXT_PROVIDERS),
    /** True when a topic alone makes a lesson; false when the student's notes are required. */
    topicOnly: z.boolean(),
  }),
  /** The narration engine for rendered videos; null when this server has none. */
  speech: z.object({ provider: z.enum(SPEECH_PROVIDERS) }).nullable(),
  video: z.object({
    available: z.boolean(),
    /** Why lessons get no video here (what to install or switch on); null when they do. */
    reason: z.string().nullable(),
  }),
});
export type Capabilities = z.infer<typeof Capabilities>;
