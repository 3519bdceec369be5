// Where the offline queue lives on the device (AsyncStorage; localStorage on the web build).
import AsyncStorage from "@react-native-async-storage/async-storage";
import type { QueueEntry, QueueStorage } from "./queue";

const KEY = "lm.write-queue";

export const asyncQueueStorage: QueueStorage = {
  async load() {
    const raw = await AsyncStorage.getItem(KEY);
    if (!raw) return [];
    try {
      const parsed: unknown = JSON.parse(raw);
      return Array.isArray(parsed) ? (parsed as QueueEntry[]) : [];
    } catch {
      return [];
    }
  },
  async save(entries) {
    if (entries.length === 0) await AsyncStorage.removeItem(KEY);
    else await AsyncStorage.setItem(KEY, JSON.stringify(entries));
  },
};
