// Review tab: a session over the due cards.
export { ReviewScreen as default } from "../../src/features/cards/ReviewScreen";
