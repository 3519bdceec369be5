// Vite build for the web app. The server serves dist/ at "/" and the API at /api/v1 on the same origin;
// in development the dev server proxies /api (HTTP and WebSocket) to it.
import tailwindcss from "@tailwindcss/vite";
import { defineConfig } from "vite";

// JSX is compiled by Vite's own esbuild (automatic runtime). @vitejs/plugin-react is not used
// here: npm hoists it to the root, where it binds to vitest's Vite 8 and then breaks this Vite 7
// dev server ("Missing field moduleType"). The cost is no React Fast Refresh: edits reload the page.
export default defineConfig({
  plugins: [tailwindcss()],
  esbuild: { jsx: "automatic", jsxImportSource: "react" },
  server: {
    port: 5173,
    proxy: {
      "/api": { target: "http://localhost:3000", changeOrigin: true, ws: true },
    },
  },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    sourcemap: false,
    // dist/.vite/manifest.json: the server reads it to preload a page's own chunks with its shell.
    manifest: true,
    target: "es2022",
    rollupOptions: {
      // React Server Components' "use client" markers mean nothing in a client-only bundle, and
      // zod's explanatory comments next to /* @__PURE__ */ are harmless.
      onwarn(warning, warn) {
        if (warning.code === "MODULE_LEVEL_DIRECTIVE") return;
        if (warning.code === "INVALID_ANNOTATION" && warning.id?.includes("/zod/")) return;
        warn(warning);
      },
      output: {
        manualChunks: {
          react: ["react", "react-dom", "react-dom/client", "react-router"],
          query: ["@tanstack/react-query"],
        },
      },
    },
  },
});
