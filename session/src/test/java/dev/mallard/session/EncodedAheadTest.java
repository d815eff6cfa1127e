package dev.mallard.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mallard.wire.types.EncodingContext;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rows encoded ahead are grouped into one unit per expected Execute, in order. */
class EncodedAheadTest {
  private static ResultStreamer.Prefetched slice(long rows, boolean end) {
    ByteBuf chunk = Unpooled.buffer(16).writeLong(rows);
    return new ResultStreamer.Prefetched(
        List.of(chunk), rows, chunk.readableBytes(), end, EncodingContext.DEFAULT);
  }

  @Test
  void slicesFillOneUnitPerExecute() {
    EncodedAhead ahead = new EncodedAhead();
    ahead.add(slice(4, false), 10);
    assertEquals(0, ahead.finished(10));
    ahead.add(slice(6, false), 10);
    assertEquals(1, ahead.finished(10));
    assertNull(ahead.unfinished(10));
    ahead.add(slice(3, false), 10);
    assertEquals(13, ahead.rows());
    assertEquals(24, ahead.bytes());

    ResultStreamer.Prefetched first = ahead.poll();
    assertEquals(10, first.rows());
    assertEquals(2, first.chunks().size());
    assertEquals(3, ahead.rows());
    assertEquals(3, ahead.unfinished(10).rows());
    first.release();
    ahead.release();
    assertTrue(ahead.isEmpty());
    assertEquals(0, ahead.bytes());
  }

  @Test
  void theEndOfTheResultFinishesTheLastUnit() {
    EncodedAhead ahead = new EncodedAhead();
    ahead.add(slice(4, false), 10);
    ahead.add(slice(2, true), 10);
    assertTrue(ahead.reachesEnd());
    assertEquals(1, ahead.finished(10));
    ResultStreamer.Prefetched last = ahead.poll();
    assertEquals(6, last.rows());
    assertTrue(last.end());
    assertNull(ahead.poll());
    last.release();
  }

  @Test
  void releaseFreesTheBuffers() {
    EncodedAhead ahead = new EncodedAhead();
    ResultStreamer.Prefetched s = slice(10, false);
    ahead.add(s, 10);
    assertSame(s, ahead.last());
    ahead.release();
    assertEquals(0, s.chunks().get(0).refCnt());
  }

  /**
   * A unit is offered to an Execute (ExpressLane) only when it holds that Execute's whole row
   * limit and a row is known to follow it, encoded or loaded: otherwise the Execute must end
   * with CommandComplete, or wait for rows still to be encoded.
   */
  @Test
  void aWholeUnitWithARowAfterItAnswersTheNextExecute() {
    EncodedAhead ahead = new EncodedAhead();
    ahead.add(slice(6, false), 10);
    assertNull(ahead.nextFollowed(10, 100), "not a whole Execute's rows yet");
    ahead.add(slice(4, false), 10);
    ResultStreamer.Prefetched whole = ahead.last();
    assertNull(ahead.nextFollowed(10, 10), "nothing known after it: the result may end there");
    assertSame(whole, ahead.nextFollowed(10, 11), "a loaded row follows");
    assertNull(ahead.nextFollowed(5, 11), "rows encoded for another row limit");
    ahead.add(slice(1, false), 10);
    assertSame(whole, ahead.nextFollowed(10, 0), "an encoded row follows");
    ahead.release();

    ahead.add(slice(10, true), 10);
    assertNull(ahead.nextFollowed(10, 10), "the result ends with these rows");
    ahead.release();
  }
}
