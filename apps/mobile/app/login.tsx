// login route (deep links land here with ?token= where the flow needs one).
export { LoginScreen as default } from "../src/features/auth/screens/LoginScreen";
