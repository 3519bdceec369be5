// Preload entry, bundled by esbuild into dist/preload.cjs: sandboxed preloads can require
// `electron` but no relative modules, so everything else is inlined.
import { contextBridge, ipcRenderer } from "electron";
import { createBridge } from "./create-bridge.js";

contextBridge.exposeInMainWorld("littleMonster", createBridge(ipcRenderer));
