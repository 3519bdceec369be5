// Profile tab route.
export { ProfileScreen as default } from "../../src/features/profile/ProfileScreen";
