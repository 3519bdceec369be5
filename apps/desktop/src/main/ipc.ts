// The main-process side of the bridge. Every handler checks that the message comes from our
// own app:// page (never a remote frame) and validates its payload before acting.
import type { IpcMain, IpcMainEvent, IpcMainInvokeEvent } from "electron";
import { Channel, type StartupInfo } from "../shared/ipc.js";
import { isAppUrl } from "./security.js";

// `on` narrowed to a plain signature: Pick would keep its `this`-typed return, which no fake has.
export interface IpcMainPort extends Pick<IpcMain, "handle"> {
  on(channel: string, listener: (event: IpcMainEvent, ...args: unknown[]) => void): unknown;
}

export interface IpcDeps {
  startup: StartupInfo;
  notify(payload: unknown): boolean;
  getOpenAtLogin(): boolean;
  setOpenAtLogin(enabled: unknown): boolean;
  setTrayStatus(status: unknown): void;
  log(msg: string): void;
}

type SenderEvent = Pick<IpcMainEvent | IpcMainInvokeEvent, "senderFrame">;

export function isTrustedSender(event: SenderEvent): boolean {
  const url = event.senderFrame?.url;
  return typeof url === "string" && isAppUrl(url);
}

export function registerIpcHandlers(ipcMain: IpcMainPort, deps: IpcDeps): void {
  const refuse = (channel: string, event: SenderEvent): false => {
    deps.log(`refused ${channel} from ${JSON.stringify(event.senderFrame?.url ?? null)}`);
    return false;
  };

  ipcMain.on(Channel.startup, (event) => {
    // sendSync waits for returnValue; an untrusted frame gets null and the preload throws.
    event.returnValue = isTrustedSender(event) ? deps.startup : null;
    if (!isTrustedSender(event)) refuse(Channel.startup, event);
  });
  ipcMain.handle(Channel.notify, (event, payload: unknown) => {
    if (!isTrustedSender(event)) return refuse(Channel.notify, event);
    return deps.notify(payload);
  });
  ipcMain.handle(Channel.openAtLoginGet, (event) => {
    if (!isTrustedSender(event)) return refuse(Channel.openAtLoginGet, event);
    return deps.getOpenAtLogin();
  });
  ipcMain.handle(Channel.openAtLoginSet, (event, enabled: unknown) => {
    if (!isTrustedSender(event)) return refuse(Channel.openAtLoginSet, event);
    return deps.setOpenAtLogin(enabled);
  });
  ipcMain.on(Channel.trayStatus, (event, status: unknown) => {
    if (isTrustedSender(event)) deps.setTrayStatus(status);
    else refuse(Channel.trayStatus, event);
  });
}
