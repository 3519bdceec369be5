// What the app shell (index.html) carries for the page asked for, so a visitor's first paint waits
// for no API round trip: the anonymous answer of the page's first API call, inlined as a JSON data
// block, and its first pictures preloaded. On a phone on a slow network that call and the picture
// behind it were the last two links of the chain that ends in the Largest Contentful Paint.
// Only public data goes in (what an anonymous GET answers); the app ignores it once signed in.
import { VideoListQuery } from "@lm/core";
import type { AppContext } from "../context.js";
import { VideosService } from "../videos/service.js";

export interface ShellData {
  /** What the app looks the answer up by: "feed" (the default feed's first page) or "video:<id>". */
  key: string;
  body: string;
  images: string[];
  /** The page's lazy module (its key in Vite's manifest), preloaded with its imports. */
  page?: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The web app's feed page size (apps/web/src/features/videos/api/get-videos.ts). */
const FEED_PAGE_SIZE = 20;
/** The pictures above the fold on a phone (one column) and most of them on a laptop. */
const FEED_IMAGES = 2;
/** A slow database must not hold the page up: past this, the shell goes out without data. */
const BUDGET_MS = 250;

export function shellDataSource(ctx: AppContext) {
  const videos = new VideosService(ctx);

  async function lookup(path: string, search: string): Promise<ShellData | null> {
    if (path === "/" && search === "") {
      const query = VideoListQuery.parse({ limit: FEED_PAGE_SIZE });
      const body = ctx.feedCache
        ? (await videos.publicPage(query, ctx.feedCache)).body
        : JSON.stringify(await videos.list(query));
      const items = (JSON.parse(body) as { items: { thumbnailUrl: string | null }[] }).items;
      const images = items.flatMap((v) => (v.thumbnailUrl ? [v.thumbnailUrl] : [])).slice(0, FEED_IMAGES);
      return { key: "feed", body, images };
    }
    const id = /^\/videos\/([^/]+)$/.exec(path)?.[1];
    if (id && UUID.test(id)) {
      const video = await videos.get(id).catch(() => null); // not public (or gone): the app asks itself
      if (!video) return null;
      return {
        key: `video:${id}`,
        page: "src/pages/VideoPage.tsx",
        body: JSON.stringify(video),
        images: video.thumbnailUrl ? [video.thumbnailUrl] : [],
      };
    }
    return null;
  }

  return async (path: string, search: string): Promise<ShellData | null> => {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<null>((resolve) => {
      timer = setTimeout(() => resolve(null), BUDGET_MS);
    });
    try {
      return await Promise.race([lookup(path, search), late]);
    } catch (err) {
      ctx.log.warn({ err }, "app shell data failed; serving the plain shell");
      return null;
    } finally {
      clearTimeout(timer);
    }
  };
}

const escapeAttr = (s: string) => s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

/**
 * The shell with the data block and preloads in its head. `<` is escaped so no title can end the
 * script. `chunks`: the page module's files and their imports, from Vite's manifest.
 */
export function withShellData(html: string, data: ShellData | null, chunks: string[] = []): string {
  if (!data) return html;
  const images = data.images.map(
    (src, i) => `<link rel="preload" as="image" href="${escapeAttr(src)}"${i === 0 ? ' fetchpriority="high"' : ""}>`,
  );
  const modules = chunks.map((file) => `<link rel="modulepreload" crossorigin href="/${escapeAttr(file)}">`);
  const links = [...images, ...modules].join("");
  const json = JSON.stringify({ key: data.key, body: JSON.parse(data.body) }).replace(/</g, "\\u003c");
  const block = `<script type="application/json" id="lm-shell-data">${json}</script>`;
  return html.replace("</head>", `${links}${block}</head>`);
}
