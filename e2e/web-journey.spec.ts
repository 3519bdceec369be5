// Issue 6, the web app end to end: sign up → verify through the e-mailed link → generate a lesson
// from notes → play it, answer the quiz → a second student rates and comments, and the first sees
// both live, and the comment reaches the creator's notifications → plan an exam and see it in the
// month view → a student in New York: a weekly session on its own weekday (app and calendar feed
// agree) and a reminder in her clock → import an .ics → sign out.
// axe-core, the page title and phone/desktop screenshots on every page visited.
import { join } from "node:path";
import { type Browser, expect, type Page, test } from "@playwright/test";
import {
  API,
  checkPage,
  DESKTOP,
  FIXTURES,
  mailLink,
  notes,
  PASSWORD,
  reportViolations,
  uniqueEmail,
  watchCsp,
} from "./helpers";

const TOPIC = "Mitosis and the cell cycle";
const COMMENT = "Really clear walk through the phases of mitosis, thank you! The anaphase slide helped most.";
const EXAM = "Biology exam: cell division";

async function signUp(page: Page, displayName: string, email: string, prefix: string): Promise<void> {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await checkPage(page, `${prefix}01-feed-signed-out`);
  await page.getByRole("link", { name: "Sign up" }).click();
  await expect(page).toHaveURL(/\/register$/);
  await expect(page.getByRole("heading", { name: "Create your account" })).toBeVisible();
  await checkPage(page, `${prefix}02-register`);
  await page.getByLabel("Display name").fill(displayName);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByText("Verify your email to create lessons")).toBeVisible();
  await checkPage(page, `${prefix}03-feed-unverified`);
}

async function verifyFromOutbox(page: Page, email: string, prefix: string): Promise<void> {
  const { url } = await mailLink(email);
  expect(url.startsWith(`${new URL(page.url()).origin}/verify-email?token=`), url).toBe(true);
  await page.goto(url);
  await expect(page.getByRole("status").filter({ hasText: "Your email is verified" })).toBeVisible();
  await expect(page.getByText("Verify your email to create lessons")).toBeHidden();
  await checkPage(page, `${prefix}04-verify-email`);
}

async function secondStudent(browser: Browser) {
  const context = await browser.newContext({ viewport: DESKTOP });
  const page = await context.newPage();
  await watchCsp(page);
  return { context, page };
}

test("a student's whole journey through the web app", async ({ page, browser }, testInfo) => {
  // The journey includes the lesson's video, rendered by espeak-ng and FFmpeg on this machine's CPU.
  test.setTimeout(480_000);
  const email = uniqueEmail("ada");
  await watchCsp(page);

  await test.step("sign up", async () => {
    await signUp(page, "Ada Lovelace", email, "web-");
  });

  await test.step("verify the e-mail through the link in the outbox", async () => {
    await verifyFromOutbox(page, email, "web-");
  });

  let videoUrl = "";
  await test.step("generate a lesson from pasted notes and wait for it to be published", async () => {
    await page.getByRole("link", { name: "Create your first lesson" }).click();
    await expect(page).toHaveURL(/\/generate$/);
    await expect(page.getByRole("heading", { name: "Generate a lesson", level: 1 })).toBeVisible();
    await page.getByLabel("Topic").fill(TOPIC);
    await page.getByLabel("Subject").selectOption({ label: "Biology" });
    await page.getByLabel("Difficulty").selectOption({ label: "Beginner" });
    await page.getByLabel("Notes", { exact: true }).fill(notes("cell-division-notes.txt"));
    await checkPage(page, "web-05-generate");
    await page.getByRole("button", { name: "Generate lesson" }).click();
    await expect(page).toHaveURL(/\/videos\/[0-9a-f-]{36}$/);
    videoUrl = page.url();
    // PENDING → GENERATING → published, pushed over the WebSocket; the player replaces the progress.
    await expect(page.getByRole("region", { name: "Lesson player" })).toBeVisible({ timeout: 60_000 });
    await expect(page.getByRole("heading", { level: 1 })).not.toHaveText("");
    await checkPage(page, "web-06-video");
  });

  await test.step("play the lesson: the slide changes", async () => {
    const player = page.getByRole("region", { name: "Lesson player" });
    // A video rendered before the page first showed the lesson opens as the video: go to the slides.
    const slides = page.getByRole("button", { name: "Interactive slides" });
    if ((await slides.count()) > 0 && (await slides.getAttribute("aria-pressed")) === "false") await slides.click();
    const heading = player.getByTestId("slide-heading");
    const first = (await heading.textContent()) ?? "";
    await expect(player.getByText(/^Key point 1 of \d+$/)).toBeVisible();
    await player.getByLabel("Speed").selectOption("2");
    await player.getByRole("button", { name: "Play" }).click();
    await expect(player.getByRole("button", { name: "Pause" })).toBeVisible();
    await expect(player.getByTestId("clock")).not.toHaveText(/^0:00 \//, { timeout: 10_000 });
    // Playback alone reaches the second key point (at its timestamp, played at 2×).
    await expect(player.getByText(/^Key point 2 of \d+$/)).toBeVisible({ timeout: 60_000 });
    await expect(heading).not.toHaveText(first);
    await player.getByRole("button", { name: "Pause" }).click();
    await expect(player.getByRole("button", { name: "Play" })).toBeVisible();
  });

  await test.step("answer the quiz", async () => {
    // The quiz renders when its place scrolls near (WhenVisible), as a student reaches it.
    await page.getByRole("heading", { name: "Quiz", exact: true }).scrollIntoViewIfNeeded();
    const questions = page.locator("fieldset").filter({ has: page.locator("legend", { hasText: /^Question \d+:/ }) });
    await expect(questions.first()).toBeVisible();
    const count = await questions.count();
    expect(count).toBeGreaterThan(0);
    for (let i = 0; i < count; i++) {
      const q = questions.nth(i);
      await q.getByRole("radio").first().check();
      await q.getByRole("button", { name: "Check answer" }).click();
      await expect(q.getByRole("status")).toHaveText(/Correct! Well done\.|Not quite\./);
    }
    await expect(page.getByText(new RegExp(`^You scored \\d+ of ${count}\\.$`))).toBeVisible();
    // The creator cannot rate their own lesson (403 cannot_rate_own_video): a second student rates it.
    await expect(page.getByText("You can't rate your own lesson.")).toBeVisible();
    await checkPage(page, "web-07-video-quiz-answered");
  });

  await test.step("a second student rates and comments; the first sees both live, without a reload", async () => {
    const other = await secondStudent(browser);
    const grace = uniqueEmail("grace");
    try {
      await signUp(other.page, "Grace Hopper", grace, "web-b-");
      await verifyFromOutbox(other.page, grace, "web-b-");
      await other.page.goto(videoUrl);
      // The slides, or the video when it has rendered by now.
      await expect(other.page.getByRole("region", { name: /^Lesson (player|video)$/ })).toBeVisible();

      // The radio is visually hidden; a student clicks its star (the label around it).
      const fourStars = other.page.getByRole("radio", { name: "4 stars" });
      await other.page.locator("label", { has: fourStars }).click();
      await expect(fourStars).toBeChecked();
      await expect(other.page.getByTestId("rating-summary")).toHaveText("4.0 · 1 rating");

      // Comments render when their place scrolls near (WhenVisible), as a student scrolls down to them.
      await other.page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      await other.page.getByLabel("Add a comment").fill(COMMENT);
      await other.page.getByRole("button", { name: "Post comment" }).click();
      await expect(other.page.getByRole("list", { name: "Comments" }).getByText(COMMENT)).toBeVisible();
      await checkPage(other.page, "web-b-05-video-rated-commented");

      // The first student's page was never reloaded: both arrive over the WebSocket.
      await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      const comments = page.getByRole("list", { name: "Comments" });
      await expect(comments.getByText(COMMENT)).toBeVisible({ timeout: 10_000 });
      await expect(comments.getByRole("listitem").filter({ hasText: COMMENT })).toContainText("Grace Hopper");
      await expect(page.getByTestId("rating-summary")).toHaveText("4.0 · 1 rating", { timeout: 10_000 });
      await checkPage(page, "web-08-video-live-comment");
      // The creator's bell counts the news live (the rating and the comment).
      await expect(page.getByRole("link", { name: /^Notifications, [1-9]\d* unread$/ })).toBeVisible({
        timeout: 10_000,
      });

      // The second student reports the lesson to the moderators; the creator has no Report button.
      await expect(page.getByRole("button", { name: /Report this lesson/ })).toHaveCount(0);
      await other.page.getByRole("button", { name: "Report this lesson" }).click();
      const dialog = other.page.getByRole("dialog", { name: "Report this lesson" });
      await dialog.getByLabel("Reason (optional)").fill("The anaphase slide mixes up the two phases.");
      await checkPage(other.page, "web-b-06-report-lesson", { widths: [DESKTOP] });
      await dialog.getByRole("button", { name: "Send report" }).click();
      await expect(other.page.getByText("Thanks — a moderator will review this lesson.")).toBeVisible();
      await expect(other.page.getByRole("button", { name: "Reported this lesson" })).toBeDisabled();
    } finally {
      await other.context.close();
    }
  });

  await test.step("the comment is in the creator's notifications", async () => {
    await page.getByRole("link", { name: /^Notifications, \d+ unread$/ }).click();
    await expect(page.getByRole("heading", { name: "Notifications", level: 1 })).toBeVisible();
    // The notification's title links to the lesson it is about.
    await expect(page.getByRole("link", { name: /^1 new comment on “.+”$/ })).toHaveAttribute("href", /^\/videos\//);
    await expect(page.getByText("Open the lesson to read and reply.")).toBeVisible();
    await checkPage(page, "web-08b-notifications");
  });

  await test.step("a student in New York: a weekly session on its own weekday, and a reminder in her clock", async () => {
    const zone = "America/New_York";
    const context = await browser.newContext({ viewport: DESKTOP, timezoneId: zone, locale: "en-US" });
    const ny = await context.newPage();
    await watchCsp(ny);
    try {
      await signUp(ny, "Alan Turing", uniqueEmail("alan"), "web-c-");
      await ny.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Planner" }).click();
      await expect(ny.getByRole("heading", { name: "Planner", level: 1 })).toBeVisible();
      // 40 minutes from now on her clock: the default 1-hour reminder is already due and goes out at once.
      const start = new Date(Math.floor((Date.now() + 40 * 60_000) / 60_000) * 60_000);
      const inZone = (o: Intl.DateTimeFormatOptions, locale = "en-CA") =>
        new Intl.DateTimeFormat(locale, { timeZone: zone, ...o }).format(start);
      const weekday = inZone({ weekday: "long" }, "en-US");
      await ny.getByRole("button", { name: "New event" }).click();
      const dialog = ny.getByRole("dialog", { name: "New event" });
      await dialog.getByLabel("Title").fill("Chemistry study group");
      await dialog.getByLabel("Date").fill(inZone({ year: "numeric", month: "2-digit", day: "2-digit" }));
      await dialog.getByLabel("Start time").fill(inZone({ hour: "2-digit", minute: "2-digit", hourCycle: "h23" }));
      await dialog.getByLabel("Repeat every week").check();
      // The series runs on the event's own weekday, not on the day the dialog was opened.
      await expect(dialog.getByRole("button", { name: weekday })).toHaveAttribute("aria-pressed", "true");
      await expect(dialog.locator('[aria-pressed="true"]')).toHaveCount(1);
      await checkPage(ny, "web-c-05-weekly-event", { widths: [DESKTOP] });
      await dialog.getByRole("button", { name: "Save event" }).click();
      await expect(dialog).toBeHidden();

      // The app and the calendar feed agree: this week's and next week's sessions, on that weekday.
      const { starts, ics } = await ny.evaluate(
        async ({ api, from, to }) => {
          const session = JSON.parse(localStorage.getItem("lm.session") ?? "null");
          const auth = { Authorization: `Bearer ${session?.accessToken}` };
          const events = await (await fetch(`${api}/planner/events?from=${from}&to=${to}`, { headers: auth })).json();
          const feed = await (await fetch(`${api}/planner/calendar-feed`, { headers: auth })).json();
          const ics = await (await fetch(feed.url)).text();
          return { starts: (events.items as { startDate: string }[]).map((e) => e.startDate), ics };
        },
        {
          api: API,
          from: new Date(start.getTime() - 60_000).toISOString(),
          to: new Date(start.getTime() + 8 * 86_400_000).toISOString(),
        },
      );
      const local = (d: Date) =>
        new Intl.DateTimeFormat("en-US", {
          timeZone: zone,
          weekday: "long",
          hour: "numeric",
          minute: "2-digit",
        }).format(d);
      expect(Date.parse(starts[0])).toBe(start.getTime());
      expect(starts.map((d) => local(new Date(d)))).toEqual([local(start), local(start)]);
      const code = weekday.slice(0, 2).toUpperCase();
      const vevent = ics.split("BEGIN:VEVENT").find((e) => e.includes("SUMMARY:Chemistry study group")) ?? "";
      expect(vevent).toMatch(/RRULE:[^\r\n]*FREQ=WEEKLY/);
      expect(vevent).toMatch(new RegExp(`RRULE:[^\\r\\n]*BYDAY=${code}\\b`));
      // The series starts on the event's own date: as UTC, or as her local time with its zone.
      const utc = `${start.toISOString().replace(/[-:]/g, "").slice(0, 15)}Z`;
      const wall = `${inZone({ year: "numeric", month: "2-digit", day: "2-digit" }).replace(/-/g, "")}T${inZone({ hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).replace(":", "")}00`;
      expect(vevent).toMatch(new RegExp(`DTSTART(:${utc}|;TZID=${zone}:${wall})`));

      // The reminder says when, in her zone and her 12-hour clock.
      const when = inZone({ dateStyle: "medium", timeStyle: "short" }, "en-US");
      await expect(ny.getByRole("link", { name: /^Notifications, 1 unread$/ })).toBeVisible({ timeout: 30_000 });
      await ny.getByRole("link", { name: /^Notifications, 1 unread$/ }).click();
      await expect(ny.getByText("Reminder: Chemistry study group")).toBeVisible();
      await expect(
        ny.getByText(new RegExp(`^Starts in (39|40) minutes, at ${when.replace(/\s/g, "\\s")}\\.$`)),
      ).toBeVisible();
      await checkPage(ny, "web-c-06-reminder", { widths: [DESKTOP] });
    } finally {
      await context.close();
    }
  });

  await test.step("plan an exam and see it in the month view", async () => {
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Planner" }).click();
    await expect(page).toHaveURL(/\/planner$/);
    await expect(page.getByRole("heading", { name: "Planner", level: 1 })).toBeVisible();
    await expect(page.getByRole("list", { name: "Month" })).toBeVisible();
    await checkPage(page, "web-09-planner");

    const now = new Date();
    const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 12));
    const iso = day.toISOString().slice(0, 10);
    await page.getByRole("button", { name: "New event" }).click();
    const dialog = page.getByRole("dialog", { name: "New event" });
    await expect(dialog).toBeVisible();
    await dialog.getByLabel("Title").fill(EXAM);
    await dialog.getByLabel("Type").selectOption({ label: "Exam" });
    await dialog.getByLabel("Subject").selectOption({ label: "Biology" });
    await dialog.getByLabel("Date").fill(iso);
    await dialog.getByLabel("Start time").fill("09:00");
    await dialog.getByLabel("End time").fill("11:00");
    await checkPage(page, "web-10-planner-new-event");
    await dialog.getByRole("button", { name: "Save event" }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText("Event added to your planner.")).toBeVisible();

    if (day.getUTCMonth() !== now.getUTCMonth()) await page.getByRole("button", { name: "Next month" }).click();
    const month = page.getByRole("list", { name: "Month" });
    const label = day.toLocaleDateString("en-GB", { timeZone: "UTC", day: "numeric", month: "long" });
    const cell = month
      .getByRole("listitem")
      .filter({ has: page.getByRole("button", { name: new RegExp(`^${EXAM}, Exam at`) }) });
    await expect(cell).toHaveCount(1);
    await expect(cell).toHaveAccessibleName(new RegExp(`${label}.*1 event`));
    await checkPage(page, "web-11-planner-exam-in-month");

    // The exam countdown plan: study sessions spread between now and the exam.
    await page.getByRole("button", { name: "Plan for an exam" }).click();
    const plan = page.getByRole("dialog", { name: "Plan for an exam" });
    await expect(plan.getByLabel("Exam")).toContainText(EXAM);
    await plan.getByLabel("Sessions per week").fill("3");
    await plan.getByLabel("Minutes per session").fill("45");
    await plan.getByRole("button", { name: "Preview plan" }).click();
    await expect(plan.getByRole("list", { name: "Planned sessions" }).getByRole("listitem").first()).toBeVisible();
    await checkPage(page, "web-12-planner-study-plan");
    await plan.getByRole("button", { name: "Add to my planner" }).click();
    await expect(plan).toBeHidden();
    await expect(page.getByText(/^Added \d+ study sessions to your planner/)).toBeVisible();
  });

  await test.step("import an .ics file", async () => {
    await page.getByLabel("Import .ics").setInputFiles(join(FIXTURES, "school-timetable.ics"));
    await expect(page.getByText("Imported 2 events.")).toBeVisible();
    // The imported events are in January 2027: check them through the API with this session.
    const titles = await page.evaluate(async (api) => {
      const session = JSON.parse(localStorage.getItem("lm.session") ?? "null");
      const res = await fetch(`${api}/planner/events?from=2027-01-01T00:00:00.000Z&to=2027-02-01T00:00:00.000Z`, {
        headers: { Authorization: `Bearer ${session?.accessToken}` },
      });
      const body = await res.json();
      return (body.items as { title: string }[]).map((e) => e.title).sort();
    }, API);
    expect(titles).toEqual(["History class: the Industrial Revolution", "Physics lab report due"]);
    await checkPage(page, "web-13-planner-imported");
  });

  await test.step("watch the lesson's narrated MP4: it plays with captions, and a chapter mark seeks", async () => {
    await page.goto(videoUrl);
    const region = page.getByRole("region", { name: "Lesson video" });
    const toVideo = page.getByRole("button", { name: "Video", exact: true });
    // Rendered after the lesson published; until then the page plays the slides and shows progress.
    await expect(region.or(toVideo).first()).toBeVisible({ timeout: 240_000 });
    if (!(await region.isVisible())) await toVideo.click();
    // The player goes on the page when play is pressed (the lesson's picture until then).
    await region.getByRole("button", { name: /^Play video: / }).click();
    const video = region.getByTestId("lesson-video");
    await expect(video).toBeVisible();
    await video.evaluate((v: HTMLVideoElement) => {
      v.muted = true; // headless Chromium plays muted media without a user gesture
      return v.play();
    });
    await expect
      .poll(() => video.evaluate((v: HTMLVideoElement) => v.currentTime), { timeout: 30_000 })
      .toBeGreaterThan(1);
    // The captions track is on by default, and a cue is on screen while the voice speaks.
    const activeCue = () =>
      video.evaluate((v: HTMLVideoElement) => {
        const track = [...v.textTracks].find((t) => t.kind === "captions");
        if (track?.mode !== "showing") return "";
        return [...(track.activeCues ?? [])].map((c) => (c as VTTCue).text).join(" ");
      });
    await expect.poll(activeCue, { timeout: 30_000 }).not.toBe("");
    await checkPage(page, "web-13b-video-mp4");

    // A chapter mark on the progress bar jumps to its key point.
    const marks = region.getByRole("group", { name: "Chapters" }).getByRole("button");
    expect(await marks.count()).toBeGreaterThan(1);
    const last = marks.last();
    const clock = (await last.getAttribute("aria-label"))?.match(/\((\d+):(\d+)\)$/);
    const at = clock ? Number(clock[1]) * 60 + Number(clock[2]) : 0;
    expect(at).toBeGreaterThan(0);
    await last.click();
    await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.currentTime)).toBeGreaterThanOrEqual(at);
    await expect(region.getByTestId("current-chapter")).toContainText(`Chapter ${await marks.count()} of`);
    const download = region.getByRole("link", { name: /^Download MP4/ });
    expect(await download.getAttribute("download")).toMatch(/\.mp4$/);
    await video.evaluate((v: HTMLVideoElement) => v.pause());
  });

  await test.step("sign out", async () => {
    await page.getByRole("button", { name: /^Account menu/ }).click();
    await page.getByRole("button", { name: "Sign out" }).click();
    // Signing out lands on the feed, which a signed-out visitor can still use.
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByText("You're signed out.")).toBeVisible();
    await expect(page.getByRole("heading", { name: "Learn something new" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Sign up" })).toBeVisible();
    expect(await page.evaluate(() => localStorage.getItem("lm.session"))).toBeNull();
    await checkPage(page, "web-14-feed-signed-out");
  });

  await reportViolations(testInfo, "web-");
});
