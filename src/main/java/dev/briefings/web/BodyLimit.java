package dev.briefings.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies above the limit with 413 before anything reads them: at once when the declared length is
 * too large, and while reading when a body without a length (chunked) goes past it; the reader then fails with a
 * {@link TooLargeException}, which the API answers with 413 too. Form bodies are parsed by the server itself, which
 * is held to the same limit by {@code server.tomcat.max-http-form-post-size}.
 * <p>
 * Runs before the security filters: an oversized body is refused whoever sends it, and never read.
 */
final class BodyLimit extends OncePerRequestFilter {

    private final long max;
    private final ProblemResponses problems;

    BodyLimit(long max, ProblemResponses problems) {
        this.max = max;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long declared = request.getContentLengthLong();
        if (declared > max) {
            refuse(request, response, "the request body is " + String.format(Locale.ROOT, "%,d", declared) + " bytes; " + limit(max));
            return;
        }
        chain.doFilter(new Capped(request, max), response);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, String detail) throws IOException {
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            problems.write(request, response, ProblemResponses.problem(HttpStatus.CONTENT_TOO_LARGE, "Request too large", detail));
        } else {
            // Pages: the server's error page, in HTML for a browser.
            response.sendError(HttpStatus.CONTENT_TOO_LARGE.value(), detail);
        }
    }

    static String limit(long max) {
        return "at most " + String.format(Locale.ROOT, "%,d", max) + " bytes are accepted";
    }

    /** A body read past the limit. */
    static final class TooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        TooLargeException(long max) {
            super("the request body is larger than the limit; " + limit(max));
        }
    }

    /** The request with a body that fails once more than {@code max} bytes have been read from it. */
    private static final class Capped extends HttpServletRequestWrapper {
        private final long max;
        private ServletInputStream stream;

        Capped(HttpServletRequest request, long max) {
            super(request);
            this.max = max;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new CappedStream(super.getInputStream(), max);
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            // An unknown encoding fails as UnsupportedEncodingException, as the server's own reader does.
            return new BufferedReader(encoding == null ? new InputStreamReader(getInputStream(), StandardCharsets.ISO_8859_1)
                    : new InputStreamReader(getInputStream(), encoding));
        }
    }

    private static final class CappedStream extends ServletInputStream {
        private final ServletInputStream in;
        private final long max;
        private long read;

        CappedStream(ServletInputStream in, long max) {
            this.in = in;
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws TooLargeException {
            read += n;
            if (read > max) {
                throw new TooLargeException(max);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
