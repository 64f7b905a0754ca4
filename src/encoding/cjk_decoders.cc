// The WHATWG Encoding Standard's CJK decoders (https://encoding.spec.whatwg.org/ sections 10-13: gb18030,
// Big5, EUC-JP, ISO-2022-JP, Shift_JIS, EUC-KR), transcribed state for state over the indexes of
// cjk_tables.cc. Errors are handled as the standard does: one U+FFFD per error, and an ASCII byte that
// broke a pair is read again ("restore to ioQueue"), so ASCII markup survives any garbage before it. A
// sequence cut by the end of input is one error. Runs of ASCII are copied in bulk. Covered by
// tests/encoding/cjk_test.cc and the seed/zh_wce dataset tests.
#include "encoding/cjk_tables.h"
#include "encoding/encoding_internal.h"

namespace pith::detail {

namespace {

// Copies the ASCII run at data[i...] and returns the index after it.
size_t copy_ascii(Utf8Writer& o, const uint8_t* data, size_t i, size_t size) {
  size_t n = ascii_prefix_length(data + i, size - i);
  o.append(data + i, n);
  return i + n;
}

const uint8_t* bytes_of(std::string_view s) { return reinterpret_cast<const uint8_t*>(s.data()); }

}  // namespace

void decode_gb18030(std::string_view bytes, Utf8Writer& o) {
  const uint32_t* index = gb18030_index();
  const uint8_t* data = bytes_of(bytes);
  size_t size = bytes.size();
  size_t i = 0;
  while (i < size) {
    if (data[i] < 0x80) {
      i = copy_ascii(o, data, i, size);
      continue;
    }
    size_t start = i;
    uint8_t first = data[i++];
    if (first == 0x80) {
      o.emit(0x20AC);
      continue;
    }
    if (first == 0xFF) {
      o.error();
      continue;
    }
    if (i >= size) {
      o.error();
      break;
    }
    uint8_t second = data[i++];
    if (second >= 0x30 && second <= 0x39) {  // four-byte sequence
      if (i >= size) {  // cut by the end: one error, nothing restored
        o.error();
        break;
      }
      if (data[i] < 0x81 || data[i] > 0xFE) {
        o.error();
        i = start + 1;  // restore second and byte
        continue;
      }
      uint8_t third = data[i++];
      if (i >= size) {
        o.error();
        break;
      }
      if (data[i] < 0x30 || data[i] > 0x39) {
        o.error();
        i = start + 1;  // restore second, third, byte
        continue;
      }
      uint8_t fourth = data[i++];
      size_t pointer = ((first - 0x81) * 10 + (second - 0x30)) * 1260 + (third - 0x81) * 10 + (fourth - 0x30);
      uint32_t cp = 0;
      if (pointer < kGb18030BmpPointers) cp = gb18030_ranges_bmp()[pointer];
      else if (pointer >= 189000 && pointer <= 1237575) cp = 0x10000 + static_cast<uint32_t>(pointer - 189000);
      if (cp != 0) o.emit(cp);
      else o.error();
      continue;
    }
    uint32_t cp = 0;
    if ((second >= 0x40 && second <= 0x7E) || (second >= 0x80 && second <= 0xFE)) {
      size_t offset = second < 0x7F ? 0x40 : 0x41;
      cp = index[(first - 0x81) * 190 + second - offset];
    }
    if (cp != 0) {
      o.emit(cp);
    } else {
      o.error();
      if (second < 0x80) i = start + 1;
    }
  }
}

void decode_big5(std::string_view bytes, Utf8Writer& o) {
  const uint32_t* index = big5_index();
  const uint8_t* data = bytes_of(bytes);
  size_t size = bytes.size();
  size_t i = 0;
  while (i < size) {
    if (data[i] < 0x80) {
      i = copy_ascii(o, data, i, size);
      continue;
    }
    uint8_t lead = data[i++];
    if (lead == 0x80 || lead == 0xFF) {
      o.error();
      continue;
    }
    if (i >= size) {
      o.error();
      break;
    }
    uint8_t byte = data[i++];
    size_t pointer = SIZE_MAX;
    if ((byte >= 0x40 && byte <= 0x7E) || (byte >= 0xA1 && byte <= 0xFE))
      pointer = (lead - 0x81) * 157 + byte - (byte < 0x7F ? 0x40 : 0x62);
    // The four pointers that decode to a letter and a combining mark.
    switch (pointer) {
      case 1133: o.emit(0xCA); o.emit(0x304); continue;
      case 1135: o.emit(0xCA); o.emit(0x30C); continue;
      case 1164: o.emit(0xEA); o.emit(0x304); continue;
      case 1166: o.emit(0xEA); o.emit(0x30C); continue;
      default: break;
    }
    uint32_t cp = pointer != SIZE_MAX ? index[pointer] : 0;
    if (cp != 0) {
      o.emit(cp);
    } else {
      o.error();
      if (byte < 0x80) --i;
    }
  }
}

void decode_euc_kr(std::string_view bytes, Utf8Writer& o) {
  const uint32_t* index = euc_kr_index();
  const uint8_t* data = bytes_of(bytes);
  size_t size = bytes.size();
  size_t i = 0;
  while (i < size) {
    if (data[i] < 0x80) {
      i = copy_ascii(o, data, i, size);
      continue;
    }
    uint8_t lead = data[i++];
    if (lead == 0x80 || lead == 0xFF) {
      o.error();
      continue;
    }
    if (i >= size) {
      o.error();
      break;
    }
    uint8_t byte = data[i++];
    uint32_t cp = (byte >= 0x41 && byte <= 0xFE) ? index[(lead - 0x81) * 190 + byte - 0x41] : 0;
    if (cp != 0) {
      o.emit(cp);
    } else {
      o.error();
      if (byte < 0x80) --i;
    }
  }
}

void decode_shift_jis(std::string_view bytes, Utf8Writer& o) {
  const uint32_t* index = jis0208_index();
  const uint8_t* data = bytes_of(bytes);
  size_t size = bytes.size();
  size_t i = 0;
  while (i < size) {
    if (data[i] < 0x80) {
      i = copy_ascii(o, data, i, size);
      continue;
    }
    uint8_t lead = data[i++];
    if (lead == 0x80) {
      o.emit(0x80);
      continue;
    }
    if (lead >= 0xA1 && lead <= 0xDF) {
      o.emit(0xFF61 - 0xA1 + lead);
      continue;
    }
    if (!((lead >= 0x81 && lead <= 0x9F) || (lead >= 0xE0 && lead <= 0xFC))) {
      o.error();
      continue;
    }
    if (i >= size) {
      o.error();
      break;
    }
    uint8_t byte = data[i++];
    uint32_t cp = 0;
    if ((byte >= 0x40 && byte <= 0x7E) || (byte >= 0x80 && byte <= 0xFC)) {
      size_t pointer = (lead - (lead < 0xA0 ? 0x81 : 0xC1)) * 188 + byte - (byte < 0x7F ? 0x40 : 0x41);
      cp = (pointer >= 8836 && pointer <= 10715) ? static_cast<uint32_t>(0xE000 - 8836 + pointer) : index[pointer];
    }
    if (cp != 0) {
      o.emit(cp);
    } else {
      o.error();
      if (byte < 0x80) --i;
    }
  }
}

void decode_euc_jp(std::string_view bytes, Utf8Writer& o) {
  const uint32_t* jis0208 = jis0208_index();
  const uint8_t* data = bytes_of(bytes);
  size_t size = bytes.size();
  size_t i = 0;
  while (i < size) {
    if (data[i] < 0x80) {
      i = copy_ascii(o, data, i, size);
      continue;
    }
    uint8_t lead = data[i++];
    if (lead != 0x8E && lead != 0x8F && !(lead >= 0xA1 && lead <= 0xFE)) {
      o.error();
      continue;
    }
    if (i >= size) {
      o.error();
      break;
    }
    uint8_t byte = data[i++];
    if (lead == 0x8E && byte >= 0xA1 && byte <= 0xDF) {
      o.emit(0xFF61 - 0xA1 + byte);
      continue;
    }
    const uint32_t* index = jis0208;
    if (lead == 0x8F && byte >= 0xA1 && byte <= 0xFE) {
      index = jis0212_index();
      lead = byte;
      if (i >= size) {
        o.error();
        break;
      }
      byte = data[i++];
    }
    uint32_t cp = 0;
    if (lead >= 0xA1 && lead <= 0xFE && byte >= 0xA1 && byte <= 0xFE) cp = index[(lead - 0xA1) * 94 + byte - 0xA1];
    if (cp != 0) {
      o.emit(cp);
    } else {
      o.error();
      if (byte < 0x80) --i;
    }
  }
}

void decode_iso_2022_jp(std::string_view bytes, Utf8Writer& o) {
  enum class State { kAscii, kRoman, kKatakana, kLeadByte, kTrailByte, kEscapeStart, kEscape };
  const uint32_t* jis0208 = jis0208_index();
  const uint8_t* data = bytes_of(bytes);
  size_t size = bytes.size();
  State state = State::kAscii, output_state = State::kAscii;
  uint8_t lead = 0;
  bool output_flag = false;
  size_t i = 0;
  while (i < size) {
    uint8_t byte = data[i++];
    switch (state) {
      case State::kAscii:
      case State::kRoman:
        if (byte == 0x1B) {
          state = State::kEscapeStart;
          break;
        }
        output_flag = false;
        if (byte > 0x7F || byte == 0x0E || byte == 0x0F) o.error();
        else if (state == State::kRoman && byte == 0x5C) o.emit(0xA5);
        else if (state == State::kRoman && byte == 0x7E) o.emit(0x203E);
        else o.emit(byte);
        break;
      case State::kKatakana:
        if (byte == 0x1B) {
          state = State::kEscapeStart;
          break;
        }
        output_flag = false;
        if (byte >= 0x21 && byte <= 0x5F) o.emit(0xFF61 - 0x21 + byte);
        else o.error();
        break;
      case State::kLeadByte:
        if (byte == 0x1B) {
          state = State::kEscapeStart;
          break;
        }
        output_flag = false;
        if (byte >= 0x21 && byte <= 0x7E) {
          lead = byte;
          state = State::kTrailByte;
        } else {
          o.error();
        }
        break;
      case State::kTrailByte:
        if (byte == 0x1B) {
          state = State::kEscapeStart;
          o.error();
          break;
        }
        state = State::kLeadByte;
        if (byte >= 0x21 && byte <= 0x7E) {
          uint32_t cp = jis0208[(lead - 0x21) * 94 + byte - 0x21];
          if (cp != 0) o.emit(cp);
          else o.error();
        } else {
          o.error();
        }
        break;
      case State::kEscapeStart:
        if (byte == 0x24 || byte == 0x28) {
          lead = byte;
          state = State::kEscape;
          break;
        }
        --i;  // restore byte
        output_flag = false;
        state = output_state;
        o.error();
        break;
      case State::kEscape: {
        State next = State::kEscape;
        if (lead == 0x28 && byte == 0x42) next = State::kAscii;
        else if (lead == 0x28 && byte == 0x4A) next = State::kRoman;
        else if (lead == 0x28 && byte == 0x49) next = State::kKatakana;
        else if (lead == 0x24 && (byte == 0x40 || byte == 0x42)) next = State::kLeadByte;
        lead = 0;
        if (next != State::kEscape) {
          state = output_state = next;
          bool was_output = output_flag;
          output_flag = true;
          if (was_output) o.error();
          break;
        }
        i -= 2;  // restore lead and byte
        output_flag = false;
        state = output_state;
        o.error();
        break;
      }
    }
  }
  // End of input: a pending trail byte or escape is one error (a restored escape lead is then ASCII).
  if (state == State::kTrailByte || state == State::kEscapeStart) o.error();
  if (state == State::kEscape) {
    o.error();
    if (output_state == State::kKatakana) o.emit(0xFF61 - 0x21 + lead);
    else if (output_state == State::kLeadByte) o.error();  // the lead then waits for a trail at the end
    else o.emit(lead);
  }
}

}  // namespace pith::detail
