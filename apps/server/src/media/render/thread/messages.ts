// What crosses between the API's thread and the render thread (structured-clone data only).
import type { RenderedLesson, RenderLessonInput, Renderer } from "../render-lesson.js";

export type ToThread =
  | { type: "render"; id: number; lesson: RenderLessonInput; renderer: Renderer; dir: string; poster?: Uint8Array }
  | { type: "abort"; id: number };

export interface ThreadError {
  name: string;
  message: string;
  code?: string;
  retryable?: boolean;
}

export type FromThread =
  | { type: "progress"; id: number; percent: number }
  | { type: "done"; id: number; result: RenderedLesson }
  | { type: "error"; id: number; error: ThreadError };
