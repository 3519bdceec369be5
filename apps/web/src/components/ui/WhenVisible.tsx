// Renders its children once their place on the page comes near the viewport (or at once where
// IntersectionObserver is missing): parts below the fold — comments, their form and its schema
// code — stay off the first paint's main thread.
import { type ReactNode, Suspense, useEffect, useRef, useState } from "react";

export function WhenVisible({
  children,
  minHeight = 160,
  label,
}: {
  children: ReactNode;
  minHeight?: number;
  label: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const [shown, setShown] = useState(() => typeof IntersectionObserver === "undefined");
  useEffect(() => {
    if (shown || !ref.current) return;
    const io = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) setShown(true);
      },
      { rootMargin: "400px 0px" },
    );
    io.observe(ref.current);
    return () => io.disconnect();
  }, [shown]);
  const placeholder = (
    <div style={{ minHeight }} aria-busy="true">
      <span className="sr-only">{label}</span>
    </div>
  );
  return <div ref={ref}>{shown ? <Suspense fallback={placeholder}>{children}</Suspense> : placeholder}</div>;
}
