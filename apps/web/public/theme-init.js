// Applies the saved theme before first paint so there is no flash of the wrong one. A separate
// file (not inline) so the server's Content-Security-Policy (script-src 'self') allows it.
try {
  const theme = localStorage.getItem("lm.theme") || "system";
  if (theme === "dark" || (theme === "system" && matchMedia("(prefers-color-scheme: dark)").matches)) {
    document.documentElement.classList.add("dark");
  }
} catch {}
