// Jest setup: in-memory fakes for the native modules the app touches.
import mockAsyncStorage from "@react-native-async-storage/async-storage/jest/async-storage-mock";

jest.mock("@react-native-async-storage/async-storage", () => mockAsyncStorage);

// expo-secure-store: an in-memory keychain shared by every store in a test file.
jest.mock("expo-secure-store", () => {
  const items = new Map<string, string>();
  return {
    getItemAsync: jest.fn(async (key: string) => items.get(key) ?? null),
    setItemAsync: jest.fn(async (key: string, value: string) => {
      items.set(key, value);
    }),
    deleteItemAsync: jest.fn(async (key: string) => {
      items.delete(key);
    }),
    __reset: () => items.clear(),
  };
});

beforeEach(async () => {
  (jest.requireMock("expo-secure-store") as { __reset: () => void }).__reset();
  await mockAsyncStorage.clear();
});

jest.mock("expo-notifications", () => ({
  SchedulableTriggerInputTypes: { DATE: "date" },
  getAllScheduledNotificationsAsync: jest.fn(async () => []),
  getPermissionsAsync: jest.fn(async () => ({ granted: true })),
  requestPermissionsAsync: jest.fn(async () => ({ granted: true })),
  cancelScheduledNotificationAsync: jest.fn(async () => undefined),
  scheduleNotificationAsync: jest.fn(async () => "id"),
  setNotificationHandler: jest.fn(),
  addNotificationResponseReceivedListener: jest.fn(() => ({ remove: jest.fn() })),
}));

jest.mock("@react-native-community/netinfo", () => require("@react-native-community/netinfo/jest/netinfo-mock.js"));

jest.mock("expo-crypto", () => {
  let n = 0;
  return { randomUUID: () => `00000000-0000-4000-8000-${String(++n).padStart(12, "0")}` };
});

jest.mock("expo-speech", () => ({
  speak: jest.fn(),
  stop: jest.fn(async () => undefined),
}));

// expo-video: only its native halves (the player object and the view) are stood in for; the
// library's own JavaScript (useVideoPlayer, VideoView) runs as in the app. A test finds the player a
// view was given with `videoPlayerById(view.props.player)`, and drives it with `emit`.
jest.mock("expo-video/build/NativeVideoModule", () => {
  const players = new Map<number, unknown>();
  let next = 1;
  class VideoPlayer {
    __expo_shared_object_id__ = next++;
    currentTime = 0;
    playing = false;
    timeUpdateEventInterval = 0;
    listeners = new Map<string, Set<(payload: unknown) => void>>();
    source: unknown;
    constructor(src: unknown) {
      this.source = src;
      players.set(this.__expo_shared_object_id__, this);
    }
    addListener(event: string, fn: (payload: unknown) => void) {
      const set = this.listeners.get(event) ?? new Set();
      set.add(fn);
      this.listeners.set(event, set);
      return { remove: () => set.delete(fn) };
    }
    emit(event: string, payload: unknown) {
      for (const fn of this.listeners.get(event) ?? []) fn(payload);
    }
    play() {
      this.playing = true;
    }
    pause() {
      this.playing = false;
    }
    replace() {}
    async replaceAsync() {}
    release() {
      players.delete(this.__expo_shared_object_id__);
    }
  }
  return {
    __esModule: true,
    default: {
      VideoPlayer,
      isPictureInPictureSupported: () => false,
      getCurrentVideoCacheSize: () => 0,
      setVideoCacheSizeAsync: async () => undefined,
      clearVideoCacheAsync: async () => undefined,
    },
    videoPlayerById: (id: number) => players.get(id),
  };
});
jest.mock("expo-video/build/NativeVideoView", () => {
  const { createElement } = jest.requireActual("react");
  return {
    __esModule: true,
    default: (props: Record<string, unknown>) => createElement("ExpoVideoView", props),
    NativeTextureVideoView: null,
  };
});

// No real sockets in tests: a socket that never opens, so screens use their polling fallback.
class ClosedWebSocket {
  readyState = 0;
  onopen = null;
  onclose = null;
  onerror = null;
  onmessage = null;
  send() {}
  close() {}
}
(globalThis as { WebSocket: unknown }).WebSocket = ClosedWebSocket;

// React Query schedules every unused query's and mutation's garbage collection gcTime (5 min) out.
// Those timers kept Jest's process alive for 5 minutes after the last test (CI time); no test needs
// the collection, so every client the app makes in a test keeps its cache (gcTime: Infinity sets no timer).
jest.mock("../src/lib/query-client", () => {
  const actual = jest.requireActual("../src/lib/query-client");
  return {
    ...actual,
    makeQueryClient: () => {
      const client = actual.makeQueryClient();
      const defaults = client.getDefaultOptions();
      client.setDefaultOptions({
        queries: { ...defaults.queries, gcTime: Number.POSITIVE_INFINITY },
        mutations: { ...defaults.mutations, gcTime: Number.POSITIVE_INFINITY },
      });
      return client;
    },
  };
});
