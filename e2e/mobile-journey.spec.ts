// Issue 7, the mobile app's real UI: its web export (expo export --platform web) served locally,
// in Chromium at a phone viewport (390×844), against the real server: sign up → verify → generate a
// lesson from notes → play it → answer its quiz → rate and report a lesson → a comment on her lesson reaches her
// bell and inbox → add a weekly planner event (repeating on its own weekday) → a student in New York gets a
// reminder in her clock. Screenshots of every screen.
// A student cannot rate their own lesson, so another student's lesson (made through the API) is rated.
import { type Browser, expect, type Page, test } from "@playwright/test";
import {
  API,
  apiLesson,
  apiRegister,
  apiVerify,
  checkPage,
  mailLink,
  notes,
  PASSWORD,
  PHONE,
  reportViolations,
  uniqueEmail,
  watchCsp,
} from "./helpers";

test.skip(process.env.LM_E2E_MOBILE === "0" && !process.env.LM_E2E_MOBILE_ERROR, "no apps/mobile in this checkout");

const TOPIC = "Acids, bases and the pH scale";
const EVENT = "Chemistry exam: acids and bases";

/** The phone screens are checked at the phone width only; serious or critical axe findings fail. */
const screen = (page: Page, name: string) => checkPage(page, name, { widths: [PHONE], title: false });

/** Tabs keep their screens mounted: act on the one that is showing. */
const visible = (page: Page, role: "button" | "link" | "tab" | "textbox", name: string | RegExp) =>
  page
    .getByRole(role, { name, exact: typeof name === "string" })
    .filter({ visible: true })
    .first();

/** This week's and next week's starts of the signed-in student's events from `from` (the API, as the app calls it). */
async function eventStarts(page: Page, from: Date, title: string): Promise<string[]> {
  return page.evaluate(
    async ({ api, from, to, title }) => {
      const session = JSON.parse(sessionStorage.getItem("lm.session") ?? "null");
      const res = await fetch(`${api}/planner/events?from=${from}&to=${to}`, {
        headers: { Authorization: `Bearer ${session?.accessToken}` },
      });
      const { items } = (await res.json()) as { items: { title: string; startDate: string }[] };
      return items.filter((e) => e.title === title).map((e) => e.startDate);
    },
    {
      api: API,
      from: new Date(from.getTime() - 60_000).toISOString(),
      to: new Date(from.getTime() + 8 * 86_400_000).toISOString(),
      title,
    },
  );
}

/** Signs up through the app's own form (which saves the device's time zone and language). */
async function signUp(page: Page, name: string, email: string): Promise<void> {
  await page.goto("/register");
  await visible(page, "textbox", "Display name").fill(name);
  await visible(page, "textbox", "Email").fill(email);
  await visible(page, "textbox", "Password").fill(PASSWORD);
  await visible(page, "button", "Sign up").click();
  await expect(page).toHaveURL(/\/$/);
}

/** A phone in New York: its own browser context, as the journey's runs in UTC with en-GB. */
async function newYorkPhone(browser: Browser, baseURL: string | undefined) {
  const context = await browser.newContext({
    baseURL,
    viewport: PHONE,
    timezoneId: "America/New_York",
    locale: "en-US",
  });
  const page = await context.newPage();
  await watchCsp(page);
  return { context, page };
}

test("a student's journey through the mobile app (web export)", async ({ page, request, browser }, testInfo) => {
  if (process.env.LM_E2E_MOBILE_ERROR)
    throw new Error(`the mobile web export is unavailable: ${process.env.LM_E2E_MOBILE_ERROR}`);

  // Another student's published lesson, for the rating step.
  const author = await apiRegister(request, "Marie Curie");
  await apiVerify(request, author.email);
  const theirs = await apiLesson(request, author.accessToken, {
    topic: "Mitosis and the cell cycle",
    subject: "BIOLOGY",
    difficulty: "BEGINNER",
    sourceText: notes("cell-division-notes.txt"),
  });

  const email = uniqueEmail("rosalind");
  await test.step("open the app and sign up", async () => {
    await page.goto("/");
    await expect(visible(page, "link", `Open lesson ${theirs.title}`)).toBeVisible({ timeout: 30_000 });
    await screen(page, "mobile-01-feed");
    await visible(page, "tab", "Profile tab").click();
    await visible(page, "button", "Sign up").click();
    await expect(page).toHaveURL(/\/register$/);
    await screen(page, "mobile-02-register");
    await visible(page, "textbox", "Display name").fill("Rosalind Franklin");
    await visible(page, "textbox", "Email").fill(email);
    await visible(page, "textbox", "Password").fill(PASSWORD);
    await visible(page, "button", "Sign up").click();
    await expect(page).toHaveURL(/\/$/);
  });

  await test.step("verify the e-mail with the token from the outbox (the app's verify-email link)", async () => {
    const { token } = await mailLink(email);
    // The mail links to the web app's origin; the phone opens the same path in the app.
    await page.goto(`/verify-email?token=${encodeURIComponent(token)}`);
    await expect(page.getByText("Your email is verified.")).toBeVisible();
    await screen(page, "mobile-03-verify-email");
    await visible(page, "button", "Continue").click();
    await expect(page).toHaveURL(/\/$/);
  });

  await test.step("set the playback speed in the profile", async () => {
    await visible(page, "tab", "Profile tab").click();
    await expect(visible(page, "button", "Sign out")).toBeVisible();
    await visible(page, "button", "Playback speed 1.5").click();
    await expect(page.getByText("Saved.", { exact: true }).filter({ visible: true })).toBeVisible();
    await screen(page, "mobile-04-profile");
  });

  let lessonTitle = "";
  let lessonId = "";
  await test.step("generate a lesson from pasted notes", async () => {
    await visible(page, "tab", "Generate tab").click();
    await expect(page).toHaveURL(/\/generate$/);
    await visible(page, "textbox", "Topic").fill(TOPIC);
    await visible(page, "button", "Subject: Chemistry").click();
    await visible(page, "button", "Difficulty: Beginner").click();
    // The e2e server has no model (offline provider): capabilities make notes required.
    await visible(page, "textbox", "Your notes (required)").fill(notes("acids-bases-notes.txt"));
    await screen(page, "mobile-05-generate");
    await visible(page, "button", "Generate lesson").click();
    const progress = page.getByTestId("generation-progress").filter({ visible: true });
    await expect(progress).toBeVisible();
    await expect(page.getByTestId("watch-lesson").filter({ visible: true })).toBeVisible({ timeout: 60_000 });
    await screen(page, "mobile-06-generate-done");
    await page.getByTestId("watch-lesson").filter({ visible: true }).click();
    await expect(page).toHaveURL(/\/video\/[0-9a-f-]{36}$/);
    lessonTitle = (await page.getByRole("heading").filter({ visible: true }).last().textContent()) ?? "";
    lessonId = /\/video\/([0-9a-f-]{36})$/.exec(page.url())?.[1] ?? "";
  });

  await test.step("play the lesson: the slide changes", async () => {
    // A video rendered before the lesson opened plays first: the slides are one tap away.
    const toSlides = page.getByRole("button", { name: "Watch as interactive slides" }).filter({ visible: true });
    if ((await toSlides.count()) > 0) await toSlides.click();
    const slide = page.getByTestId("player-slide").filter({ visible: true });
    await expect(slide).toHaveAttribute("aria-label", /^Slide 1 of \d+:/);
    await screen(page, "mobile-07-video");
    await visible(page, "button", "Play lesson").click();
    await expect(visible(page, "button", "Pause lesson")).toBeVisible();
    await expect(slide).toHaveAttribute("aria-label", /^Slide 2 of \d+:/, { timeout: 90_000 });
    await visible(page, "button", "Pause lesson").click();
    await screen(page, "mobile-08-video-playing");
  });

  await test.step("answer the quiz", async () => {
    const groups = page.getByRole("radiogroup").filter({ visible: true });
    const count = await groups.count();
    expect(count).toBeGreaterThan(0);
    for (let i = 0; i < count; i++) await groups.nth(i).getByRole("radio").first().click();
    await visible(page, "button", "Check answers").click();
    await expect(
      page.getByText(new RegExp(`^You got \\d+ of ${count} right\\.$`)).filter({ visible: true }),
    ).toBeVisible();
    await screen(page, "mobile-09-video-quiz");
  });

  await test.step("add the lesson's cards to the deck, then review one with the Review tab's session", async () => {
    await visible(page, "button", "Add to my cards").click();
    await expect(
      page
        .getByText(/^(Added \d+ cards to your deck\.|All \d+ cards are already in your deck\.)$/)
        .filter({ visible: true }),
    ).toBeVisible();
    await visible(page, "button", "Review now").click();
    await expect(page).toHaveURL(/\/review$/);
    // The badge and the session agree on how many are due.
    const left = page.getByText(/^\d+ cards? left$/).filter({ visible: true });
    await expect(left).toBeVisible();
    const due = Number((await left.textContent())?.match(/\d+/)?.[0]);
    expect(due).toBeGreaterThan(0);
    await expect(visible(page, "tab", new RegExp(`^Review tab, ${due} cards? due$`))).toBeVisible();
    await visible(page, "button", "Show answer").click();
    await screen(page, "mobile-09b-review");
    await visible(page, "button", "Good: I recalled it").click();
    await expect(
      page
        .getByText(due === 1 ? "All caught up" : due - 1 === 1 ? "1 card left" : `${due - 1} cards left`, {
          exact: true,
        })
        .filter({ visible: true }),
    ).toBeVisible();
    await page.goBack();
  });

  await test.step("rate another student's lesson", async () => {
    await page.goBack();
    await visible(page, "tab", "Feed tab").click();
    await visible(page, "link", `Open lesson ${theirs.title}`).click();
    await expect(page).toHaveURL(new RegExp(`/video/${theirs.id}$`));
    await visible(page, "button", "Rate 4 stars").click();
    await expect(page.getByText("★ 4.0 (1)").filter({ visible: true })).toBeVisible();
    await screen(page, "mobile-10-video-rated");
  });

  await test.step("report that lesson to the moderators", async () => {
    await visible(page, "button", "Report lesson").click();
    await visible(page, "textbox", "Reason (optional)").fill("The pH of pure water is given as 9.");
    await screen(page, "mobile-10b-report-lesson");
    await visible(page, "button", "Send report").click();
    await expect(
      page.getByText("Thanks — a moderator will review this lesson.").filter({ visible: true }),
    ).toBeVisible();
    await expect(page.getByRole("button", { name: "Report lesson" }).filter({ visible: true })).toHaveCount(0);
  });

  await test.step("another student comments on her lesson: her bell shows it and the inbox lists it", async () => {
    await page.goBack();
    await visible(page, "tab", "Feed tab").click();
    // Her inbox may hold news already (her own lesson being ready): count from there.
    const bellBefore = visible(page, "link", /^Notifications(, \d+ unread)?$/);
    await expect(bellBefore).toBeVisible();
    const unread = Number((await bellBefore.getAttribute("aria-label"))?.match(/(\d+) unread/)?.[1] ?? 0);
    const bellFor = (n: number) => (n > 0 ? `Notifications, ${n} unread` : "Notifications");
    const headers = { Authorization: `Bearer ${author.accessToken}` };
    const { title } = await (await request.get(`${API}/videos/${lessonId}`, { headers })).json();
    const res = await request.post(`${API}/comments`, {
      headers,
      data: { videoId: lessonId, text: "The litmus slide helped me a lot, thank you!" },
    });
    expect(res.status(), await res.text()).toBe(201);
    // Live over the user's channel (notification.created), without a reload.
    const bell = visible(page, "link", bellFor(unread + 1));
    await expect(bell).toBeVisible({ timeout: 15_000 });
    await bell.click();
    await expect(page).toHaveURL(/\/notifications$/);
    const headline = `1 new comment on “${title}”`;
    await expect(page.getByText(headline, { exact: true }).filter({ visible: true })).toBeVisible();
    await expect(page.getByText("Open the lesson to read and reply.").filter({ visible: true })).toBeVisible();
    await screen(page, "mobile-10c-notifications");
    await visible(page, "button", `Mark read: ${headline}`).click();
    await expect(page.getByRole("button", { name: `Mark read: ${headline}` })).toHaveCount(0);
    await page.goBack();
    await expect(visible(page, "link", bellFor(unread))).toBeVisible();
  });

  await test.step("add an exam to the planner", async () => {
    await page.goto("/planner");
    await expect(visible(page, "button", "Add event")).toBeVisible();
    await screen(page, "mobile-11-planner");
    await visible(page, "button", "Add event").click();
    await expect(page).toHaveURL(/\/planner\/event/);
    await visible(page, "textbox", "Title").fill(EVENT);
    await visible(page, "button", "Type: Exam").click();
    await visible(page, "button", "Subject: Chemistry").click();
    // Three days ahead (this page's clock is UTC): never today's weekday, so the repeat day must be the event's.
    const day = new Date(Date.now() + 3 * 86_400_000);
    day.setUTCHours(9, 30, 0, 0);
    const weekday = day.toLocaleDateString("en-US", { weekday: "long", timeZone: "UTC" });
    await visible(page, "textbox", "Date").fill(day.toISOString().slice(0, 10));
    await visible(page, "textbox", "Time").fill("09:30");
    const repeat = page.getByRole("switch", { name: "Repeat every week" }).filter({ visible: true });
    await repeat.click();
    await expect(repeat).toBeChecked();
    const days = page.getByLabel("Repeat on", { exact: true }).filter({ visible: true });
    await expect(days.getByRole("button", { name: weekday, exact: true })).toHaveAttribute("aria-pressed", "true");
    await expect(days.locator('[aria-pressed="true"]')).toHaveCount(1);
    await screen(page, "mobile-12-planner-new-event");
    await visible(page, "button", "Add to planner").click();
    await expect(page).toHaveURL(/\/planner$/);
    await expect(page.getByText(EVENT).filter({ visible: true }).first()).toBeVisible();
    await screen(page, "mobile-13-planner-with-event");
    // The server's expansion of the rule: this week's and next week's exam, on that weekday at 09:30.
    const starts = await eventStarts(page, day, EVENT);
    expect(starts).toEqual([day.toISOString(), new Date(day.getTime() + 7 * 86_400_000).toISOString()]);
  });

  await test.step("a student in New York: her reminder says the time on her clock", async () => {
    const zone = "America/New_York";
    const ny = await newYorkPhone(browser, testInfo.project.use.baseURL);
    try {
      await signUp(ny.page, "Alan Turing", uniqueEmail("alan"));
      // 40 minutes from now on her clock: the default 1-hour reminder is already due and goes out at once.
      const start = new Date(Math.floor((Date.now() + 40 * 60_000) / 60_000) * 60_000);
      const inZone = (o: Intl.DateTimeFormatOptions, locale = "en-CA") =>
        new Intl.DateTimeFormat(locale, { timeZone: zone, ...o }).format(start);
      await ny.page.goto("/planner/event");
      await visible(ny.page, "textbox", "Title").fill("Chemistry study group");
      await visible(ny.page, "textbox", "Date").fill(inZone({ year: "numeric", month: "2-digit", day: "2-digit" }));
      await visible(ny.page, "textbox", "Time").fill(inZone({ hour: "2-digit", minute: "2-digit", hourCycle: "h23" }));
      await expect(visible(ny.page, "button", "Remind 1 hour before")).toHaveAttribute("aria-pressed", "true");
      await visible(ny.page, "button", "Add to planner").click();
      await expect(ny.page).toHaveURL(/\/planner$/);
      expect(await eventStarts(ny.page, start, "Chemistry study group")).toEqual([start.toISOString()]);

      const when = inZone({ dateStyle: "medium", timeStyle: "short" }, "en-US");
      const bell = visible(ny.page, "link", "Notifications, 1 unread");
      await expect(bell).toBeVisible({ timeout: 30_000 });
      await bell.click();
      await expect(ny.page.getByText("Reminder: Chemistry study group").filter({ visible: true })).toBeVisible();
      await expect(
        ny.page
          .getByText(new RegExp(`^Starts in (39|40) minutes, at ${when.replace(/\s/g, "\\s")}\\.$`))
          .filter({ visible: true }),
      ).toBeVisible();
      await screen(ny.page, "mobile-14-reminder-new-york");
    } finally {
      await ny.context.close();
    }
  });

  testInfo.annotations.push({ type: "lesson", description: lessonTitle });
  await reportViolations(testInfo, "mobile-");
});
