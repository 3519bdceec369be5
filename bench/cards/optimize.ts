// The FSRS optimiser (POST /cards/optimize's fit) on a simulated student of 5,000 and 20,000 reviews:
// wall time of one fit through the server's own worker-thread path, and the longest stall of the
// calling thread's event loop meanwhile (a 5 ms timer's lateness). `npx tsx bench/cards/optimize.ts`
import { loadavg } from "node:os";
import { createEmptyCard, fsrs, type Grade, Rating } from "ts-fsrs";
import { fitWeights } from "../../apps/server/src/cards/optimizer/run.js";

const DAY = 86_400_000;

/** Cards reviewed when due (sometimes a day late), recalled with FSRS's own probability; deterministic. */
function simulate(reviews: number) {
  const f = fsrs({ enable_fuzz: false });
  let seed = 42;
  const rnd = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const ratings: number[] = [];
  const days: number[] = [];
  const starts: number[] = [];
  for (let c = 0; ratings.length < reviews; c++) {
    let card = createEmptyCard(new Date(Date.UTC(2026, 0, 1) + (c % 60) * DAY));
    starts.push(ratings.length);
    for (let i = 0; i < 12 && ratings.length < reviews; i++) {
      const at = i === 0 ? card.due : new Date(card.due.getTime() + Math.floor(rnd() * 2) * DAY);
      const ok = i === 0 || rnd() < f.get_retrievability(card, at, false) * 0.95;
      const g: Grade = !ok ? Rating.Again : rnd() < 0.15 ? Rating.Hard : rnd() < 0.9 ? Rating.Good : Rating.Easy;
      ratings.push(g);
      days.push(Math.floor(at.getTime() / DAY));
      card = f.next(card, at, g).card;
    }
  }
  return { ratings: Uint8Array.from(ratings), days: Int32Array.from(days), starts: Uint32Array.from(starts) };
}

for (const reviews of [5_000, 5_000, 20_000, 20_000]) {
  const log = simulate(reviews);
  const cards = log.starts.length;
  let stall = 0;
  let last = performance.now();
  const probe = setInterval(() => {
    const now = performance.now();
    stall = Math.max(stall, now - last - 5);
    last = now;
  }, 5);
  const t0 = performance.now();
  const fit = await fitWeights(log, 120_000);
  const ms = performance.now() - t0;
  clearInterval(probe);
  console.log(
    `${reviews} reviews (${cards} cards, ${fit.items} items): ${Math.round(ms)} ms, longest event-loop stall ${Math.round(stall)} ms, load ${loadavg()[0].toFixed(1)}`,
  );
}
