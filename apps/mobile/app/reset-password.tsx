// reset-password route (deep links land here with ?token= where the flow needs one).
export { ResetPasswordScreen as default } from "../src/features/auth/screens/ResetPasswordScreen";
