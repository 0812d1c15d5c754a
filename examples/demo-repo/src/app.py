# A made-up application that loads models by id.
from transformers import AutoModelForCausalLM

chat = AutoModelForCausalLM.from_pretrained("meta-llama/Llama-3.1-8B-Instruct")
coder = AutoModelForCausalLM.from_pretrained("moonshotai/Kimi-K2-Instruct")
