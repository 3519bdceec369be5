// Drives the mocked NetInfo: tell the app's listeners the connection came back.
import NetInfo, { type NetInfoState } from "@react-native-community/netinfo";

export function reconnect(): void {
  for (const [listener] of jest.mocked(NetInfo.addEventListener).mock.calls) {
    listener({ isConnected: true, isInternetReachable: true } as NetInfoState);
  }
}

export function goOffline(): void {
  jest.mocked(NetInfo.fetch).mockResolvedValue({ isConnected: false, isInternetReachable: false } as NetInfoState);
}

export function goOnline(): void {
  jest.mocked(NetInfo.fetch).mockResolvedValue({ isConnected: true, isInternetReachable: true } as NetInfoState);
}
