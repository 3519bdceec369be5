// A small persisted cache: the last good answer for a screen, served when there is no connection.
import AsyncStorage from "@react-native-async-storage/async-storage";
import { ApiError } from "@lm/core";

const PREFIX = "lm.cache.";

export async function readCache<T>(key: string): Promise<T | null> {
  const raw = await AsyncStorage.getItem(PREFIX + key);
  if (!raw) return null;
  try {
    return JSON.parse(raw) as T;
  } catch {
    return null;
  }
}

export async function writeCache(key: string, value: unknown): Promise<void> {
  await AsyncStorage.setItem(PREFIX + key, JSON.stringify(value));
}

/** Forgets every cached answer (sign-out: the next user must not see this one's planner). */
export async function clearCache(): Promise<void> {
  const keys = await AsyncStorage.getAllKeys();
  await AsyncStorage.multiRemove(keys.filter((k) => k.startsWith(PREFIX)));
}

/** Fetches and remembers; when the request gets no answer, returns the remembered value instead. */
export async function withOfflineFallback<T>(key: string, fetcher: () => Promise<T>): Promise<T> {
  try {
    const value = await fetcher();
    await writeCache(key, value).catch(() => undefined);
    return value;
  } catch (error) {
    if (error instanceof ApiError) throw error;
    const cached = await readCache<T>(key);
    if (cached !== null) return cached;
    throw error;
  }
}
