// The typed API client every app uses. Platform-neutral: only `fetch`, injected or global.
import type { AuthResult, LoginInput, RegisterInput, Session } from "./schemas/auth.js";
import type { Capabilities } from "./schemas/capabilities.js";
import type {
  Card,
  CardRating,
  CardReviewResult,
  CardSettings,
  CardSettingsInput,
  DueQueue,
  FromLessonResult,
  DueForecast,
  Mastery,
  QuizAnswerResult,
} from "./schemas/cards.js";
import type { Page } from "./schemas/common.js";
import type {
  PlannerEvent,
  PlannerEventCreateInput,
  PlannerEventUpdateInput,
  StudyPlanResult,
} from "./schemas/planner.js";
import type { Comment, Notification, RatingSummary, UnreadCount } from "./schemas/social.js";
import type { User, UserStats, UserUpdateInput } from "./schemas/users.js";
import type {
  MediaToken,
  ReportedVideo,
  Video,
  VideoCreateInput,
  VideoListQuery,
  VideoModerationInput,
  VideoUpdateInput,
} from "./schemas/videos.js";
import type { FieldError } from "./errors.js";
import { type ErrorCode, isErrorCode } from "./problems.js";

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string | undefined,
    readonly errors: FieldError[] = [],
    /** The problem's finer cause under the same code, when the server gives one (e.g. already_verified). */
    readonly reason?: string,
  ) {
    super(detail ?? code);
    this.name = "ApiError";
  }
  /** The message for one form field, if the server named it. */
  fieldError(path: string): string | undefined {
    return this.errors.find((e) => e.path === path)?.message;
  }
}

/**
 * A 2xx answer whose body is not the shape the contract promises (a proxy's page, a stand-in
 * server's `{ ok: true }`): an ApiError, so screens show their error state instead of crashing.
 */
export const MALFORMED_RESPONSE = "malformed_response";
/** Every code an ApiError can carry that this build knows: the server's table plus the client's own. */
export type ApiErrorCode = ErrorCode | typeof MALFORMED_RESPONSE;
/** Narrows a code from the wire (a newer server may send one this build does not know). */
export const isApiErrorCode = (code: string): code is ApiErrorCode => code === MALFORMED_RESPONSE || isErrorCode(code);

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null;
/** Where an item keeps the id the screens key it by. */
type ItemId = (item: Record<string, unknown>) => unknown;
const ownId: ItemId = (item) => item.id;

/** Checks the envelope of a page (items with ids, a cursor) without a schema library on the first load. */
function assertPage<T>(data: unknown, path: string, idOf: ItemId): Page<T> {
  const ok =
    isRecord(data) &&
    Array.isArray(data.items) &&
    data.items.every((item) => isRecord(item) && typeof idOf(item) === "string") &&
    (data.nextCursor === null || data.nextCursor === undefined || typeof data.nextCursor === "string");
  if (!ok) throw new ApiError(200, MALFORMED_RESPONSE, `The server's answer to ${path} is not a page of items.`);
  return data as Page<T>;
}

export interface TokenStore {
  get(): Session | null;
  set(session: Session | null): void;
}

export interface ClientOptions {
  baseUrl: string; // e.g. http://localhost:3000/api/v1
  fetch?: typeof fetch;
  tokens?: TokenStore;
  /** Called when the session cannot be refreshed (revoked, reused): the app returns to log-in. */
  onSessionEnded?: (code: string) => void;
}

type Query = Record<string, string | number | boolean | undefined | null>;
interface RequestOptions {
  query?: Query;
  body?: unknown;
  rawBody?: string;
  contentType?: string;
  idempotencyKey?: string;
  auth?: boolean;
}

export function memoryTokenStore(initial: Session | null = null): TokenStore {
  let current = initial;
  return {
    get: () => current,
    set: (s) => {
      current = s;
    },
  };
}

export class ApiClient {
  readonly tokens: TokenStore;
  private readonly fetchFn: typeof fetch;
  private refreshing: Promise<boolean> | null = null;

  constructor(private readonly options: ClientOptions) {
    this.tokens = options.tokens ?? memoryTokenStore();
    this.fetchFn = options.fetch ?? ((...args) => fetch(...args));
  }

  async request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
    const res = await this.send(method, path, opts);
    if (res.status === 401 && opts.auth !== false && this.tokens.get()?.refreshToken) {
      if (await this.refresh()) return this.parse<T>(await this.send(method, path, opts));
    }
    return this.parse<T>(res);
  }

  /** One refresh in flight at a time: concurrent 401s wait for the same rotation. */
  refresh(): Promise<boolean> {
    this.refreshing ??= this.doRefresh().finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  private async doRefresh(): Promise<boolean> {
    const current = this.tokens.get();
    if (!current) return false;
    const res = await this.send("POST", "/auth/refresh-token", {
      body: { refreshToken: current.refreshToken },
      auth: false,
    });
    if (res.ok) {
      const { session } = (await res.json()) as { session: Session };
      this.tokens.set(session);
      return true;
    }
    // Another tab may have rotated the token already; only give up if the stored token is still ours.
    if (this.tokens.get()?.refreshToken !== current.refreshToken) return true;
    const problem = (await res.json().catch(() => ({}))) as { code?: string };
    this.tokens.set(null);
    this.options.onSessionEnded?.(problem.code ?? "unauthorized");
    return false;
  }

  /** A list endpoint: the answer must be a page, or the call fails with `malformed_response`. */
  async page<T>(path: string, query: Query = {}, idOf: ItemId = ownId): Promise<Page<T>> {
    return assertPage<T>(await this.request<unknown>("GET", path, { query }), path, idOf);
  }

  private send(method: string, path: string, opts: RequestOptions): Promise<Response> {
    const url = new URL(this.options.baseUrl.replace(/\/$/, "") + path);
    for (const [k, v] of Object.entries(opts.query ?? {})) {
      if (v !== undefined && v !== null && v !== "") url.searchParams.set(k, String(v));
    }
    const headers: Record<string, string> = { accept: "application/json" };
    const token = this.tokens.get()?.accessToken;
    if (token && opts.auth !== false) headers.authorization = `Bearer ${token}`;
    if (opts.idempotencyKey) headers["idempotency-key"] = opts.idempotencyKey;
    let body: string | undefined;
    if (opts.rawBody !== undefined) {
      body = opts.rawBody;
      headers["content-type"] = opts.contentType ?? "text/plain";
    } else if (opts.body !== undefined) {
      body = JSON.stringify(opts.body);
      headers["content-type"] = "application/json";
    }
    return this.fetchFn(url.toString(), { method, headers, body });
  }

  private async parse<T>(res: Response): Promise<T> {
    if (res.status === 204 || res.status === 202) {
      const text = await res.text();
      return (text ? JSON.parse(text) : undefined) as T;
    }
    const data = await res.json().catch(() => null);
    if (!res.ok) {
      const p = (data ?? {}) as { code?: string; detail?: string; errors?: FieldError[]; reason?: string };
      throw new ApiError(res.status, p.code ?? "internal", p.detail, p.errors ?? [], p.reason);
    }
    return data as T;
  }

  // --- Auth ---
  async register(input: RegisterInput): Promise<AuthResult> {
    const result = await this.request<AuthResult>("POST", "/auth/register", { body: input, auth: false });
    this.tokens.set(result.session);
    return result;
  }
  async login(input: LoginInput): Promise<AuthResult> {
    const result = await this.request<AuthResult>("POST", "/auth/login", { body: input, auth: false });
    this.tokens.set(result.session);
    return result;
  }
  async logout(): Promise<void> {
    try {
      await this.request<void>("POST", "/auth/logout", { body: {} });
    } finally {
      this.tokens.set(null);
    }
  }
  verifyEmail = (token: string) =>
    this.request<{ user: User }>("POST", "/auth/verify-email", { body: { token }, auth: false });
  /** 202 `{}` when a link was sent; `{ alreadyVerified: true }` when the address is verified (nothing sent). */
  resendVerification = () =>
    this.request<{ alreadyVerified?: boolean } | undefined>("POST", "/auth/resend-verification", { body: {} });
  forgotPassword = (email: string) =>
    this.request<void>("POST", "/auth/forgot-password", { body: { email }, auth: false });
  resetPassword = (token: string, password: string) =>
    this.request<void>("POST", "/auth/reset-password", { body: { token, password }, auth: false });

  // --- Users ---
  me = () => this.request<User>("GET", "/users/me");
  getUser = (id: string) => this.request<User>("GET", `/users/${id}`);
  updateUser = (id: string, input: UserUpdateInput) => this.request<User>("PATCH", `/users/${id}`, { body: input });
  deleteUser = (id: string) => this.request<void>("DELETE", `/users/${id}`);
  stats = (id: string) => this.request<UserStats>("GET", `/users/${id}/stats`);

  // --- Videos ---
  capabilities = () => this.request<Capabilities>("GET", "/capabilities", { auth: false });
  listVideos = (query: VideoListQuery = {}) => this.page<Video>("/videos", query as Query);
  getVideo = (id: string) => this.request<Video>("GET", `/videos/${id}`);
  createVideo = (input: VideoCreateInput, idempotencyKey?: string) =>
    this.request<Video>("POST", "/videos", { body: input, idempotencyKey });
  updateVideo = (id: string, input: VideoUpdateInput) => this.request<Video>("PATCH", `/videos/${id}`, { body: input });
  deleteVideo = (id: string) => this.request<void>("DELETE", `/videos/${id}`);
  retryVideo = (id: string) => this.request<Video>("POST", `/videos/${id}/retry`, { body: {} });
  /** Signed file URLs for a lesson's video (for players that cannot send Authorization: PRIVATE lessons). */
  mediaToken = (id: string) => this.request<MediaToken>("GET", `/videos/${id}/media-token`);
  /** A path the API hands out (`/api/v1/videos/…/video.mp4`) as a full URL on the API's origin. */
  absoluteUrl = (path: string) => new URL(path, this.options.baseUrl).toString();
  viewVideo = (id: string, clientId?: string) =>
    this.request<void>("POST", `/videos/${id}/view`, { body: clientId ? { clientId } : {} });

  // --- Comments and ratings ---
  listComments = (videoId: string, cursor?: string) => this.page<Comment>("/comments", { videoId, cursor });
  createComment = (videoId: string, text: string, idempotencyKey?: string) =>
    this.request<Comment>("POST", "/comments", { body: { videoId, text }, idempotencyKey });
  updateComment = (id: string, text: string) => this.request<Comment>("PATCH", `/comments/${id}`, { body: { text } });
  deleteComment = (id: string) => this.request<void>("DELETE", `/comments/${id}`);
  reportComment = (id: string, reason?: string) =>
    this.request<void>("POST", `/comments/${id}/report`, { body: reason ? { reason } : {} });
  moderationQueue = (cursor?: string) => this.page<Comment>("/moderation/queue", { cursor });
  moderate = (id: string, decision: "APPROVE" | "REJECT") =>
    this.request<Comment>("POST", `/moderation/comments/${id}`, { body: { decision } });
  reportVideo = (id: string, reason?: string) =>
    this.request<void>("POST", `/videos/${id}/report`, { body: reason ? { reason } : {} });
  reportedVideos = (cursor?: string) =>
    this.page<ReportedVideo>("/moderation/videos", { cursor }, (item) =>
      isRecord(item.video) ? item.video.id : undefined,
    );
  moderateVideo = (id: string, input: VideoModerationInput) =>
    this.request<Video>("POST", `/moderation/videos/${id}`, { body: input });
  rate = (videoId: string, stars: number, idempotencyKey?: string) =>
    this.request<{ videoId: string; stars: number; ratingAvg: number; ratingCount: number }>("POST", "/ratings", {
      body: { videoId, stars },
      idempotencyKey,
    });
  ratings = (videoId: string) => this.request<RatingSummary>("GET", "/ratings", { query: { videoId } });

  // --- Planner and notifications ---
  listEvents = (
    query: {
      from?: string;
      to?: string;
      subject?: string;
      type?: string;
      completed?: boolean;
      limit?: number;
      cursor?: string;
    } = {},
  ) => this.request<{ items: PlannerEvent[]; nextCursor: string | null }>("GET", "/planner/events", { query });
  createEvent = (input: PlannerEventCreateInput, idempotencyKey?: string) =>
    this.request<PlannerEvent>("POST", "/planner/events", { body: input, idempotencyKey });
  updateEvent = (id: string, input: PlannerEventUpdateInput) =>
    this.request<PlannerEvent>("PATCH", `/planner/events/${id}`, { body: input });
  deleteEvent = (id: string) => this.request<void>("DELETE", `/planner/events/${id}`);
  calendarFeed = () => this.request<{ url: string }>("GET", "/planner/calendar-feed");
  rotateCalendarFeed = () => this.request<{ url: string }>("POST", "/planner/calendar-feed/rotate", { body: {} });
  importCalendar = (ics: string) =>
    this.request<{ imported: number }>("POST", "/planner/import", { rawBody: ics, contentType: "text/calendar" });
  planStudy = (input: { examEventId: string; sessionsPerWeek: number; minutesPerSession: number; accept?: boolean }) =>
    this.request<StudyPlanResult>("POST", "/planner/plan", { body: input });
  notifications = (cursor?: string) => this.page<Notification>("/notifications", { cursor });
  unreadCount = () => this.request<UnreadCount>("GET", "/notifications/unread-count");
  markRead = (id: string) => this.request<void>("POST", `/notifications/${id}/read`, { body: {} });
  markAllRead = () => this.request<void>("POST", "/notifications/read-all", { body: {} });

  // --- Review cards ---
  addLessonCards = (videoId: string) =>
    this.request<FromLessonResult>("POST", `/cards/from-lesson/${videoId}`, { body: {} });
  dueCards = (limit?: number) => this.request<DueQueue>("GET", "/cards/due", { query: { limit } });
  getCard = (id: string) => this.request<Card>("GET", `/cards/${id}`);
  deleteCard = (id: string) => this.request<void>("DELETE", `/cards/${id}`);
  /** clientId: made once per review by the device, so a retried or replayed review counts once. */
  reviewCard = (id: string, input: { rating: CardRating; clientId: string; reviewedAt?: string }) =>
    this.request<CardReviewResult>("POST", `/cards/${id}/review`, { body: input });
  mastery = () => this.request<Mastery>("GET", "/cards/mastery");
  dueForecast = (days = 30) => this.request<DueForecast>("GET", `/cards/forecast?days=${days}`);
  cardSettings = () => this.request<CardSettings>("GET", "/cards/settings");
  updateCardSettings = (input: CardSettingsInput) =>
    this.request<CardSettings>("PATCH", "/cards/settings", { body: input });
  answerQuiz = (
    videoId: string,
    input: { questionIndex: number; choiceIndex: number; clientId: string; answeredAt?: string },
  ) => this.request<QuizAnswerResult>("POST", `/videos/${videoId}/quiz-answers`, { body: input });
}
