// Is the device online? NetInfo on every platform (navigator.onLine on the web).
import NetInfo, { type NetInfoState } from "@react-native-community/netinfo";
import { useEffect, useState } from "react";

export const onlineFrom = (s: Pick<NetInfoState, "isConnected" | "isInternetReachable">) =>
  s.isConnected !== false && s.isInternetReachable !== false;

export async function isOnline(): Promise<boolean> {
  return onlineFrom(await NetInfo.fetch());
}

export function useOnline(): boolean {
  const [online, setOnline] = useState(true);
  useEffect(() => NetInfo.addEventListener((state) => setOnline(onlineFrom(state))), []);
  return online;
}
