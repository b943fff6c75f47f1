//! A queue of jobs worked off by a helper thread while the caller does other things, and
//! by the caller too once it is done with them: template parsing during the archive's
//! loading ([`super::render::PreParse`]), reading the heads of rendered files during
//! rendering ([`super::manifest::HeadReader`]).

use std::collections::VecDeque;
use std::sync::{Condvar, Mutex};

/// Jobs `J`, and what the finished jobs left, `D`.
pub(crate) struct WorkQueue<J, D> {
    state: Mutex<State<J, D>>,
    wake: Condvar,
}

struct State<J, D> {
    jobs: VecDeque<J>,
    /// No more jobs will come: a waiting worker leaves once the queue is empty.
    closed: bool,
    /// Jobs being worked on right now.
    busy: usize,
    done: D,
}

impl<J, D: Default> Default for WorkQueue<J, D> {
    fn default() -> Self {
        WorkQueue {
            state: Mutex::new(State {
                jobs: VecDeque::new(),
                closed: false,
                busy: 0,
                done: D::default(),
            }),
            wake: Condvar::new(),
        }
    }
}

impl<J, D> WorkQueue<J, D> {
    /// Change the queue and the results under the lock (to add jobs), and wake the
    /// worker. `None` when the lock is poisoned (a worker panicked).
    pub fn with<R>(&self, f: impl FnOnce(&mut VecDeque<J>, &mut D) -> R) -> Option<R> {
        let mut st = self.state.lock().ok()?;
        let st = &mut *st;
        let r = f(&mut st.jobs, &mut st.done);
        self.wake.notify_all();
        Some(r)
    }

    /// No more jobs: keep only the queued ones that `keep` wants.
    pub fn close(&self, keep: impl FnMut(&J) -> bool) {
        if let Ok(mut st) = self.state.lock() {
            st.jobs.retain(keep);
            st.closed = true;
            self.wake.notify_all();
        }
    }

    /// Work off queued jobs: `run` each outside the lock, then `store` its result under
    /// it. With `wait`, wait for more jobs until the queue is closed; without, return
    /// when it is empty.
    pub fn drain<R>(&self, wait: bool, run: impl Fn(J) -> R, store: impl Fn(&mut D, R)) {
        let Ok(mut st) = self.state.lock() else {
            return;
        };
        loop {
            if let Some(job) = st.jobs.pop_front() {
                st.busy += 1;
                drop(st);
                let r = run(job);
                let Ok(next) = self.state.lock() else {
                    return;
                };
                st = next;
                st.busy -= 1;
                store(&mut st.done, r);
                self.wake.notify_all();
            } else if st.closed || !wait {
                return;
            } else {
                st = match self.wake.wait(st) {
                    Ok(g) => g,
                    Err(_) => return,
                };
            }
        }
    }

    /// Close the queue, work off what is left (alongside any worker), wait until no job
    /// is running, and take the results. `None` when the lock is poisoned.
    pub fn finish<R>(
        &self,
        keep: impl FnMut(&J) -> bool,
        run: impl Fn(J) -> R,
        store: impl Fn(&mut D, R),
    ) -> Option<D>
    where
        D: Default,
    {
        self.close(keep);
        self.drain(false, run, store);
        let mut st = self.state.lock().ok()?;
        while st.busy > 0 {
            st = self.wake.wait(st).ok()?;
        }
        Some(std::mem::take(&mut st.done))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every job is run once and stored, whether the worker or the caller took it; jobs
    /// that `finish` does not keep are dropped unless the worker already ran them.
    #[test]
    fn jobs_run_once_by_either_thread() {
        let keep = |j: &u64| j % 10 != 9;
        for worker in [false, true] {
            let q: WorkQueue<u64, Vec<u64>> = WorkQueue::default();
            let done = std::thread::scope(|s| {
                if worker {
                    s.spawn(|| q.drain(true, |j| j * 2, |d, r| d.push(r)));
                }
                for j in 0..200 {
                    q.with(|jobs, _| jobs.push_back(j));
                }
                q.finish(keep, |j| j * 2, |d, r| d.push(r))
            });
            let mut done = done.unwrap();
            done.sort_unstable();
            assert!(done.windows(2).all(|w| w[0] < w[1]), "a job ran twice");
            let kept: Vec<u64> = (0..200).filter(keep).map(|j| j * 2).collect();
            if worker {
                assert!(kept.iter().all(|k| done.binary_search(k).is_ok()));
                assert!(done.iter().all(|d| d % 2 == 0 && *d < 400));
            } else {
                assert_eq!(done, kept);
            }
        }
    }
}
