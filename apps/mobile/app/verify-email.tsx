// verify-email route (deep links land here with ?token= where the flow needs one).
export { VerifyEmailScreen as default } from "../src/features/auth/screens/VerifyEmailScreen";
