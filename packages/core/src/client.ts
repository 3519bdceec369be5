// The typed API client every app uses. Platform-neutral: only `fetch`, injected or global.
import type { AuthResult, LoginInput, RegisterInput, Session } from "./schemas/auth.js";
import type { CardRating, CardSettingsInput } from "./schemas/cards.js";
import type { Page } from "./schemas/common.js";
import type { PlannerEventCreateInput, PlannerEventUpdateInput } from "./schemas/planner.js";
import type { User, UserUpdateInput } from "./schemas/users.js";
import type {
  KeyPointRegenerateInput,
  VideoCreateInput,
  VideoListQuery,
  VideoModerationInput,
  VideoUpdateInput,
  WatchInput,
} from "./schemas/videos.js";
import { endpoints } from "./endpoints/index.js";
import { type ParamNames, pathOf, type Route } from "./endpoints/define.js";
import type { BodyOf, ParamsInput, ResponseOf } from "./endpoints/types.js";
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
function assertPage(data: unknown, path: string, idOf: ItemId): Page<unknown> {
  const ok =
    isRecord(data) &&
    Array.isArray(data.items) &&
    data.items.every((item) => isRecord(item) && typeof idOf(item) === "string") &&
    (data.nextCursor === null || data.nextCursor === undefined || typeof data.nextCursor === "string");
  if (!ok) throw new ApiError(200, MALFORMED_RESPONSE, `The server's answer to ${path} is not a page of items.`);
  return data as Page<unknown>;
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

/** What a call to a declared endpoint takes besides its route. */
type CallInput = Pick<RequestOptions, "query" | "idempotencyKey" | "keepalive"> & {
  params?: Record<string, string>;
  body?: unknown;
  /** A non-JSON body, sent as the route's bodyType. */
  rawBody?: string;
};
type TypedInput<R extends Route> = Omit<CallInput, "params" | "body"> &
  ParamsInput<R> & { body?: [BodyOf<R>] extends [never] ? unknown : BodyOf<R> };
/** The input is optional only when the route has no path parameters. */
type CallArgs<R extends Route> = [ParamNames<R["path"]>] extends [never]
  ? [input?: TypedInput<R>]
  : [input: TypedInput<R>];
interface RequestOptions {
  query?: Query;
  body?: unknown;
  rawBody?: string;
  contentType?: string;
  idempotencyKey?: string;
  auth?: boolean;
  /** Lets the request outlive the page (a player's last heartbeat on unload). */
  keepalive?: boolean;
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
    const res = await this.send(endpoints.auth.refresh.method, pathOf(endpoints.auth.refresh), {
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

  /**
   * One declared endpoint (packages/core/src/endpoints): method and path from its route, the
   * answer typed by its response schema. `none` routes never carry a token (a dead one is a 401).
   */
  call<R extends Route>(route: R, ...[input]: CallArgs<R>): Promise<ResponseOf<R>> {
    const { params, rawBody, ...opts } = (input ?? {}) as CallInput;
    return this.request<ResponseOf<R>>(route.method, pathOf(route, params), {
      ...opts,
      ...(rawBody !== undefined ? { rawBody, contentType: route.bodyType } : {}),
      ...(route.access === "none" ? { auth: false } : {}),
    });
  }

  /** A list endpoint: the answer must be a page, or the call fails with `malformed_response`. */
  async page<R extends Route>(route: R, query: Query = {}, idOf: ItemId = ownId): Promise<ResponseOf<R>> {
    const data = await this.request<unknown>(route.method, pathOf(route), { query });
    return assertPage(data, route.path, idOf) as ResponseOf<R>;
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
    return this.fetchFn(url.toString(), { method, headers, body, ...(opts.keepalive ? { keepalive: true } : {}) });
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
    const result = await this.call(endpoints.auth.register, { body: input });
    this.tokens.set(result.session);
    return result;
  }
  async login(input: LoginInput): Promise<AuthResult> {
    const result = await this.call(endpoints.auth.login, { body: input });
    this.tokens.set(result.session);
    return result;
  }
  async logout(): Promise<void> {
    try {
      await this.call(endpoints.auth.logout, { body: {} });
    } finally {
      this.tokens.set(null);
    }
  }
  verifyEmail = (token: string) => this.call(endpoints.auth.verifyEmail, { body: { token } });
  /** 202 `{}` when a link was sent; `{ alreadyVerified: true }` when the address is verified (nothing sent). */
  resendVerification = () =>
    this.call(endpoints.auth.resendVerification, { body: {} }) as Promise<{ alreadyVerified?: boolean } | undefined>;
  forgotPassword = (email: string): Promise<void> =>
    this.call(endpoints.auth.forgotPassword, { body: { email } }).then(() => undefined);
  resetPassword = (token: string, password: string): Promise<void> =>
    this.call(endpoints.auth.resetPassword, { body: { token, password } }).then(() => undefined);

  // --- Users ---
  me = () => this.call(endpoints.users.me);
  /** Your own profile; another user's answers as the public view (its extra fields absent). */
  getUser = (id: string) => this.call(endpoints.users.get, { params: { id } }) as Promise<User>;
  updateUser = (id: string, input: UserUpdateInput) =>
    this.call(endpoints.users.update, { params: { id }, body: input });
  deleteUser = (id: string) => this.call(endpoints.users.remove, { params: { id } });
  stats = (id: string) => this.call(endpoints.users.stats, { params: { id } });

  // --- Videos ---
  capabilities = () => this.call(endpoints.capabilities.get);
  listVideos = (query: VideoListQuery = {}) => this.page(endpoints.videos.list, query as Query);
  getVideo = (id: string) => this.call(endpoints.videos.get, { params: { id } });
  createVideo = (input: VideoCreateInput, idempotencyKey?: string) =>
    this.call(endpoints.videos.create, { body: input, idempotencyKey });
  updateVideo = (id: string, input: VideoUpdateInput) =>
    this.call(endpoints.videos.update, { params: { id }, body: input });
  deleteVideo = (id: string) => this.call(endpoints.videos.remove, { params: { id } });
  retryVideo = (id: string) => this.call(endpoints.videos.retry, { params: { id }, body: {} });
  /** Signed file URLs for a lesson's video (for players that cannot send Authorization: PRIVATE lessons). */
  mediaToken = (id: string) => this.call(endpoints.videos.mediaToken, { params: { id } });
  /** A path the API hands out (`/api/v1/videos/…/video.mp4`) as a full URL on the API's origin. */
  absoluteUrl = (path: string) => new URL(path, this.options.baseUrl).toString();
  viewVideo = (id: string, clientId?: string) =>
    this.call(endpoints.videos.view, { params: { id }, body: clientId ? { clientId } : {} });
  /** A player's heartbeat: seconds played since the last one (see WatchTracker); counts toward study stats. */
  watchVideo = (id: string, beat: WatchInput, opts: { keepalive?: boolean } = {}) =>
    this.call(endpoints.videos.watch, { params: { id }, body: beat, keepalive: opts.keepalive });

  // --- Comments and ratings ---
  listComments = (videoId: string, cursor?: string) => this.page(endpoints.comments.list, { videoId, cursor });
  createComment = (videoId: string, text: string, idempotencyKey?: string) =>
    this.call(endpoints.comments.create, { body: { videoId, text }, idempotencyKey });
  updateComment = (id: string, text: string) =>
    this.call(endpoints.comments.update, { params: { id }, body: { text } });
  deleteComment = (id: string) => this.call(endpoints.comments.remove, { params: { id } });
  reportComment = (id: string, reason?: string): Promise<void> =>
    this.call(endpoints.comments.report, { params: { id }, body: reason ? { reason } : {} }).then(() => undefined);
  moderationQueue = (cursor?: string) => this.page(endpoints.moderation.queue, { cursor });
  moderate = (id: string, decision: "APPROVE" | "REJECT") =>
    this.call(endpoints.moderation.decideComment, { params: { id }, body: { decision } });
  /** `keyPointIndex`: "Report inaccuracy" on that key point rather than the whole lesson. */
  reportVideo = (id: string, reason?: string, keyPointIndex?: number): Promise<void> =>
    this.call(endpoints.videos.report, {
      params: { id },
      body: { ...(reason ? { reason } : {}), ...(keyPointIndex !== undefined ? { keyPointIndex } : {}) },
    }).then(() => undefined);
  /** The creator rewrites one key point from the lesson's notes; its inaccuracy reports close. */
  regenerateKeyPoint = (id: string, index: number, using?: KeyPointRegenerateInput["using"]) =>
    this.call(endpoints.videos.regenerateKeyPoint, {
      params: { id, index: String(index) },
      body: using ? { using } : {},
    });
  reportedVideos = (cursor?: string) =>
    this.page(endpoints.moderation.videos, { cursor }, (item) => (isRecord(item.video) ? item.video.id : undefined));
  moderateVideo = (id: string, input: VideoModerationInput) =>
    this.call(endpoints.moderation.decideVideo, { params: { id }, body: input });
  rate = (videoId: string, stars: number, idempotencyKey?: string) =>
    this.call(endpoints.ratings.rate, { body: { videoId, stars }, idempotencyKey });
  ratings = (videoId: string) => this.call(endpoints.ratings.summary, { query: { videoId } });

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
  ) => this.call(endpoints.planner.list, { query });
  createEvent = (input: PlannerEventCreateInput, idempotencyKey?: string) =>
    this.call(endpoints.planner.create, { body: input, idempotencyKey });
  updateEvent = (id: string, input: PlannerEventUpdateInput, idempotencyKey?: string) =>
    this.call(endpoints.planner.update, { params: { id }, body: input, idempotencyKey });
  deleteEvent = (id: string) => this.call(endpoints.planner.remove, { params: { id } });
  calendarFeed = () => this.call(endpoints.planner.feedUrl);
  rotateCalendarFeed = () => this.call(endpoints.planner.rotateFeed, { body: {} });
  importCalendar = (ics: string) => this.call(endpoints.planner.import, { rawBody: ics });
  planStudy = (input: { examEventId: string; sessionsPerWeek: number; minutesPerSession: number; accept?: boolean }) =>
    this.call(endpoints.planner.plan, { body: input });
  notifications = (cursor?: string) => this.page(endpoints.notifications.list, { cursor });
  unreadCount = () => this.call(endpoints.notifications.unreadCount);
  markRead = (id: string) => this.call(endpoints.notifications.read, { params: { id }, body: {} });
  markAllRead = () => this.call(endpoints.notifications.readAll, { body: {} });

  // --- Review cards ---
  addLessonCards = (videoId: string) => this.call(endpoints.cards.fromLesson, { params: { videoId }, body: {} });
  dueCards = (limit?: number) => this.call(endpoints.cards.due, { query: { limit } });
  getCard = (id: string) => this.call(endpoints.cards.get, { params: { id } });
  deleteCard = (id: string) => this.call(endpoints.cards.remove, { params: { id } });
  /** clientId: made once per review by the device, so a retried or replayed review counts once. */
  reviewCard = (id: string, input: { rating: CardRating; clientId: string; reviewedAt?: string }) =>
    this.call(endpoints.cards.review, { params: { id }, body: input });
  mastery = () => this.call(endpoints.cards.mastery);
  dueForecast = (days = 30) => this.call(endpoints.cards.forecast, { query: { days } });
  cardSettings = () => this.call(endpoints.cards.settings);
  updateCardSettings = (input: CardSettingsInput) => this.call(endpoints.cards.updateSettings, { body: input });
  optimizeCards = () => this.call(endpoints.cards.optimize, { body: {} });
  answerQuiz = (
    videoId: string,
    input: { questionIndex: number; choiceIndex: number; clientId: string; answeredAt?: string },
  ) => this.call(endpoints.cards.answerQuiz, { params: { id: videoId }, body: input });
}
