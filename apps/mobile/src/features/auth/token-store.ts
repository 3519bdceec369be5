// Native token storage: the session lives in the platform keychain / keystore via expo-secure-store.
import * as SecureStore from "expo-secure-store";
import { createSessionStore, type KeyValueBackend } from "./session-store";

export const secureBackend: KeyValueBackend = {
  getItem: (key) => SecureStore.getItemAsync(key),
  setItem: (key, value) => SecureStore.setItemAsync(key, value),
  removeItem: (key) => SecureStore.deleteItemAsync(key),
};

export const createTokenStore = () => createSessionStore(secureBackend);
