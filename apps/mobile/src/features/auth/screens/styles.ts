// Styles shared by the auth screens.
import { StyleSheet } from "react-native";
import { colors, space } from "../../../components/ui/theme";

export const authStyles = StyleSheet.create({
  link: { color: colors.primary, marginTop: space.lg, fontSize: 15, textAlign: "center" },
});
