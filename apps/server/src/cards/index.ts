// What other features read of the cards: the due forecast (planner calendar), the deck an exam
// plan draws on, and the subjects a student is weak in (the for_you feed). Re-exports only.
export { dueForecast } from "./forecast.js";
export { planDeck } from "./plan-deck.js";
export { weakSubjectsOf } from "./weak-subjects.js";
