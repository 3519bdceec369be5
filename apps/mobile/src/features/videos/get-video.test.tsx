// The lesson's cache kept fresh by `video.updated`: the event is a summary (createdBy is the creator's
// id there), so it must never replace the cached lesson's creator or its rendered files.
import { act, renderHook, waitFor } from "@testing-library/react-native";
import { QueryClientProvider } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { fakeApi } from "../../../test/fake-api";
import { makeVideo, publicUser, makeUser } from "../../../test/factories";
import { TestSocket } from "../../../test/test-socket";
import { makeQueryClient } from "../../lib/query-client";
import { realtime } from "../realtime/client";
import { useVideo } from "./api/get-video";

let restoreSocket = () => {};
afterEach(() => {
  realtime.close();
  restoreSocket();
});

test("a live video.updated changes the status but keeps the creator a user, not an id", async () => {
  restoreSocket = TestSocket.install();
  const creator = publicUser(makeUser({ displayName: "Ada" }));
  const video = makeVideo({ status: "GENERATING", createdBy: creator });
  fakeApi({ "GET /videos/:id": () => video });
  const client = makeQueryClient();
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={client}>{children}</QueryClientProvider>
  );
  const { result } = renderHook(() => useVideo(video.id), { wrapper });
  await waitFor(() => expect(result.current.data?.status).toBe("GENERATING"));
  const socket = TestSocket.last!;
  act(() => socket.open());

  // The server answers the refetch slowly: what shows meanwhile is the cache the event wrote.
  fakeApi({ "GET /videos/:id": () => new Promise(() => {}) });
  act(() =>
    socket.push({
      type: "event",
      channel: `video:${video.id}`,
      event: "video.updated",
      data: {
        id: video.id,
        status: "FAILED",
        title: video.title,
        failureCode: "model_failed",
        failureReason: "The AI model failed while writing the lesson; please try again.",
        thumbnailUrl: null,
        createdBy: creator.id,
        media: { status: "PENDING", progress: 0, failureCode: null, failureReason: null },
      },
    }),
  );
  await waitFor(() => expect(result.current.data?.status).toBe("FAILED"));
  expect(result.current.data?.failureCode).toBe("model_failed");
  expect(result.current.data?.createdBy).toEqual(creator);
  expect(result.current.data?.media.mp4Url).toBeNull();
});
