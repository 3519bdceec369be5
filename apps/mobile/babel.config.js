// Babel for Metro and Jest: Expo's preset (expo-router, reanimated/worklets plugins included).
module.exports = (api) => {
  api.cache(true);
  return { presets: ["babel-preset-expo"] };
};
