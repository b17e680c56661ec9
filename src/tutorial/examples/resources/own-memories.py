# reply answers as if nobody had asked anything: each step names its own factory for its memory,
# so each gets a Memory of its own. Let both steps share one.
import asyncio
from typing import Annotated
from llama_index.core.workflow import Context, Event, StartEvent, StopEvent, Workflow, step
from llama_index.core.workflow.resource import Resource

class Memory:
    def __init__(self):
        self.lines = []

    def put(self, line: str) -> None:
        self.lines.append(line)

    @property
    def transcript(self) -> list[str]:
        return list(self.lines)

class ChatModel:
    def __init__(self, name: str):
        self.name = name

    async def complete(self, transcript: list[str]) -> str:
        await asyncio.sleep(1)
        last = transcript[-1].split(":")[0] if transcript else "nobody"
        return f"({self.name}) I read {len(transcript)} line(s), the last from {last}"

class QuestionEvent(Event):
    question: str

def get_settings() -> dict:
    return {"model": "tiny-chat"}

# An async factory that asks for another resource through an annotated parameter of its own.
async def get_model(settings: Annotated[dict, Resource(get_settings)]) -> ChatModel:
    await asyncio.sleep(0.5)  # connecting takes a moment, once
    return ChatModel(settings["model"])

class ChatFlow(Workflow):
    @step
    async def listen(
        self, ctx: Context, ev: StartEvent, memory: Annotated[Memory, Resource(lambda: Memory())]
    ) -> QuestionEvent:
        memory.put(f"user: {ev.question}")
        return QuestionEvent(question=ev.question)

    @step
    async def reply(
        self,
        ctx: Context,
        ev: QuestionEvent,
        memory: Annotated[Memory, Resource(lambda: Memory())],
        model: Annotated[ChatModel, Resource(get_model)],
    ) -> StopEvent:
        answer = await model.complete(memory.transcript)
        memory.put(f"assistant: {answer}")
        return StopEvent(result=memory.transcript)

w = ChatFlow(timeout=30, verbose=False)
result = await w.run(question="What is a resource?")
print(result)
